"use client";

import { useParams } from "next/navigation";
import { ServiceDetailSkeleton } from "@/components/services/service-detail-skeleton";

export default function ServiceLoading() {
  const { name } = useParams<{ name: string }>();
  return (
    <>
      <div className="mb-2 h-5" />
      <ServiceDetailSkeleton name={decodeURIComponent(name ?? "")} />
    </>
  );
}
