import { RootFallback } from '@/components/site/RootFallback';

export default function Unauthorized() {
  return <RootFallback kind="unauthorized" />;
}
