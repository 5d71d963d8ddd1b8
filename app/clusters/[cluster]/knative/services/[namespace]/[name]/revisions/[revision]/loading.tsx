"use client";

import { useParams } from "next/navigation";
import { RevisionDetailSkeleton } from "@/components/revisions/revision-detail-skeleton";

export default function RevisionLoading() {
  const { revision } = useParams<{ revision: string }>();
  return (
    <>
      <div className="mb-2 h-5" />
      <RevisionDetailSkeleton name={decodeURIComponent(revision ?? "")} />
    </>
  );
}
