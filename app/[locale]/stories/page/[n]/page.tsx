import { laterListPage } from '@/components/site/news-list-routes';
import { ROUTES } from '@/i18n/routing';

// Serves the list's `?page=N` for N from 2 up (components/site/news-list-routes.tsx).
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

const route = laterListPage(ROUTES.stories);
export const generateMetadata = route.generateMetadata;
export default route.Page;
