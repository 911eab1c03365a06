/** Places on a map: picking a point, and following a delivery (a map on phones, a to-scale plan on the web). */
export { canPickOnMap, PointPicker } from './PointPicker';
export type { PointPickerProps } from './point-picker-props';
export { TrackingMap } from './TrackingMap';
export type { TrackingMapProps } from './tracking-map-props';
