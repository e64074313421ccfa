import { RootFallback } from '@/components/site/RootFallback';

export default function Forbidden() {
  return <RootFallback kind="forbidden" />;
}
