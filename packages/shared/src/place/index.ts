/** Picking a point: a map on phones, a to-scale plan on the web. */
export { canPickOnMap, PointPicker } from './PointPicker';
export type { PointPickerProps } from './point-picker-props';
