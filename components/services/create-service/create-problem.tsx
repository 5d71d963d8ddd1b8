// Why Create did not go through, from the Status the console's server answered: the name is
// taken (409 AlreadyExists), the request was refused (400/422: the Status message, which lists
// every cause, here; each cause also next to its field), or anything else (the Status message).

import { ProblemList } from "@/components/revisions/create-revision/problem-list";
import { isAlreadyExists, isInvalid, type StatusError } from "@/lib/queries/status";

export function CreateProblem({ error }: { error: StatusError }) {
  if (isAlreadyExists(error)) return <ProblemList title="The name is taken" messages={[error.status.message]} />;
  return (
    <ProblemList title="The Service was not created" messages={[error.status.message]}>
      {isInvalid(error) ? <p className="mt-1 text-xs">Each problem is also shown next to its field.</p> : null}
    </ProblemList>
  );
}
