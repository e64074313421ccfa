import { firstListPage } from '@/components/site/news-list-routes';
import { ROUTES } from '@/i18n/routing';

// The list's first page (components/site/news-list-routes.tsx); `?page=N` never
// reaches this route, so it stays static.
export const revalidate = 60;

const route = firstListPage(ROUTES.pressReleases);
export const generateMetadata = route.generateMetadata;
export default route.Page;
