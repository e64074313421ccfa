import { historyPage } from '../../../../history-route';

export { generateMetadata } from '../../../../history-route';

export default historyPage('vacancies');
