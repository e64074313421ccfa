import { trashPage } from '../../trash-route';

export { generateMetadata } from '../../trash-route';

export default trashPage('vacancies');
