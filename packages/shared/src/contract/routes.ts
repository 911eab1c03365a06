import { z } from 'zod';
import { loginRequest, logoutRequest, me, refreshRequest, registerRequest, session, updateMeRequest } from './accounts';
import { address, addressList, createAddressRequest, updateAddressRequest } from './addresses';
import {
  bulkStockRequest,
  categoryTree,
  createProductRequest,
  nearbyStoreList,
  nearbyStoresQuery,
  product,
  productList,
  productListQuery,
  productPage,
  storeDetails,
  storeImageQuery,
  updateProductRequest,
  updateStoreRequest,
  versionQuery,
} from './catalog';
import { idParams } from './common';
import {
  locationBatchRequest,
  locationBatchResult,
  riderAssignments,
  riderEarnings,
  riderStatus,
  riderStatusRequest,
} from './delivery';
import { notificationList, notificationListQuery } from './notifications';
import { order, orderList, orderListQuery, placeOrderRequest, transitionRequest } from './orders';
import { createStoreRequest } from './stores';

/** One route of `/api/v1`: what it takes and what it answers (`z.null()` for 204). */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under /api/v1, with `:id` for path parameters. */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body, or a multipart upload (a FormData with one `file`). */
  body?: z.ZodType | 'multipart';
  /** `Idempotency-Key`: required for orders, optional for actions an app may queue. */
  idempotencyKey?: 'required' | 'optional';
  response: z.ZodType;
}

const route = <const R extends RouteSpec>(spec: R) => spec;
const none = z.null();

/**
 * Every route of the API, by name: the apps' client takes its types from here, and a backend
 * test checks that this table and the server's routes are the same set.
 */
export const routes = {
  register: route({ method: 'POST', path: '/auth/register', body: registerRequest, response: session }),
  login: route({ method: 'POST', path: '/auth/login', body: loginRequest, response: session }),
  refresh: route({ method: 'POST', path: '/auth/refresh', body: refreshRequest, response: session }),
  logout: route({ method: 'POST', path: '/auth/logout', body: logoutRequest, response: none }),

  getMe: route({ method: 'GET', path: '/me', response: me }),
  updateMe: route({ method: 'PATCH', path: '/me', body: updateMeRequest, response: me }),
  listAddresses: route({ method: 'GET', path: '/me/addresses', response: addressList }),
  createAddress: route({ method: 'POST', path: '/me/addresses', body: createAddressRequest, response: address }),
  updateAddress: route({
    method: 'PATCH',
    path: '/me/addresses/:id',
    params: idParams,
    body: updateAddressRequest,
    response: address,
  }),
  deleteAddress: route({ method: 'DELETE', path: '/me/addresses/:id', params: idParams, response: none }),
  notifications: route({
    method: 'GET',
    path: '/me/notifications',
    query: notificationListQuery,
    response: notificationList,
  }),

  nearbyStores: route({ method: 'GET', path: '/stores', query: nearbyStoresQuery, response: nearbyStoreList }),
  getStore: route({ method: 'GET', path: '/stores/:id', params: idParams, response: storeDetails }),
  storeProducts: route({
    method: 'GET',
    path: '/stores/:id/products',
    params: idParams,
    query: productListQuery,
    response: productPage,
  }),
  categories: route({ method: 'GET', path: '/categories', response: categoryTree }),

  createMyStore: route({ method: 'POST', path: '/seller/store', body: createStoreRequest, response: storeDetails }),
  getMyStore: route({ method: 'GET', path: '/seller/store', response: storeDetails }),
  updateMyStore: route({ method: 'PATCH', path: '/seller/store', body: updateStoreRequest, response: storeDetails }),
  uploadStoreImage: route({
    method: 'POST',
    path: '/seller/store/images',
    query: storeImageQuery,
    body: 'multipart',
    response: storeDetails,
  }),
  createProduct: route({ method: 'POST', path: '/seller/products', body: createProductRequest, response: product }),
  updateProduct: route({
    method: 'PATCH',
    path: '/seller/products/:id',
    params: idParams,
    body: updateProductRequest,
    response: product,
  }),
  deleteProduct: route({
    method: 'DELETE',
    path: '/seller/products/:id',
    params: idParams,
    query: versionQuery,
    response: none,
  }),
  setStock: route({ method: 'POST', path: '/seller/products/stock', body: bulkStockRequest, response: productList }),
  uploadProductImage: route({
    method: 'POST',
    path: '/seller/products/:id/images',
    params: idParams,
    body: 'multipart',
    response: product,
  }),

  placeOrder: route({
    method: 'POST',
    path: '/orders',
    body: placeOrderRequest,
    idempotencyKey: 'required',
    response: order,
  }),
  listOrders: route({ method: 'GET', path: '/orders', query: orderListQuery, response: orderList }),
  getOrder: route({ method: 'GET', path: '/orders/:id', params: idParams, response: order }),
  transitionOrder: route({
    method: 'POST',
    path: '/orders/:id/transitions',
    params: idParams,
    body: transitionRequest,
    idempotencyKey: 'optional',
    response: order,
  }),

  setRiderStatus: route({ method: 'POST', path: '/rider/status', body: riderStatusRequest, response: riderStatus }),
  sendLocations: route({
    method: 'POST',
    path: '/rider/locations',
    body: locationBatchRequest,
    response: locationBatchResult,
  }),
  riderAssignments: route({ method: 'GET', path: '/rider/assignments', response: riderAssignments }),
  acceptOffer: route({ method: 'POST', path: '/rider/offers/:id/accept', params: idParams, response: order }),
  declineOffer: route({ method: 'POST', path: '/rider/offers/:id/decline', params: idParams, response: none }),
  riderEarnings: route({ method: 'GET', path: '/rider/earnings', response: riderEarnings }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
