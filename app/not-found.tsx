import { RootFallback } from '@/components/site/RootFallback';

export default function NotFound() {
  return <RootFallback kind="notFound" />;
}
