import { OrdersTab } from '../../../src/features/incoming/OrdersTab';

export default OrdersTab;
