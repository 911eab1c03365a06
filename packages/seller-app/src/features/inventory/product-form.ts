import type { CreateProductRequest, Product } from '@kupwara/shared';
import type { ProductChanges } from './product-edits';

/** The editor's fields as typed: money in rupees ("120.50"), counts as text. */
export interface ProductForm {
  name: string;
  category_id: string | null;
  unit: string;
  price: string;
  mrp: string;
  stock: string;
  is_available: boolean;
  is_visible: boolean;
}

export type FormErrors = Partial<Record<keyof ProductForm, string>>;

const rupees = (paise: number) => (paise % 100 === 0 ? String(paise / 100) : (paise / 100).toFixed(2));

export const formOf = (product: Product | undefined): ProductForm => ({
  name: product?.name ?? '',
  category_id: product?.category_id ?? null,
  unit: product?.unit ?? '',
  price: product ? rupees(product.price_paise) : '',
  mrp: product ? rupees(product.mrp_paise) : '',
  stock: product ? String(product.stock) : '',
  is_available: product?.is_available ?? true,
  is_visible: product?.is_visible ?? true,
});

/** "120", "120.5" or "120.50" rupees as paise; undefined for anything else. */
export function paiseOf(text: string): number | undefined {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export interface FormWords {
  required: string;
  badMoney: string;
  mrpBelowPrice: string;
  badCount: string;
}

/** The form as a new product, or what is wrong with it, field by field. */
export function readForm(
  form: ProductForm,
  words: FormWords,
): { ok: true; value: CreateProductRequest } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const name = form.name.trim();
  const unit = form.unit.trim();
  if (!name) errors.name = words.required;
  if (!unit) errors.unit = words.required;
  const price = paiseOf(form.price);
  if (price === undefined || price < 1) errors.price = words.badMoney;
  const mrp = form.mrp.trim() ? paiseOf(form.mrp) : price;
  if (mrp === undefined || mrp < 1) errors.mrp = words.badMoney;
  else if (price !== undefined && mrp < price) errors.mrp = words.mrpBelowPrice;
  const stock = /^\d{1,7}$/.test(form.stock.trim()) ? Number(form.stock) : undefined;
  if (stock === undefined || stock > 1_000_000) errors.stock = words.badCount;
  if (Object.keys(errors).length > 0 || price === undefined || mrp === undefined || stock === undefined)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      unit,
      price_paise: price,
      mrp_paise: mrp,
      stock,
      description: '',
      category_id: form.category_id,
      is_available: form.is_available,
      is_visible: form.is_visible,
    },
  };
}

/** Only what the seller changed, so an edit does not overwrite fields another device changed meanwhile. */
export function changesOf(product: Product, value: CreateProductRequest): ProductChanges {
  const changes: ProductChanges = {};
  if (value.name !== product.name) changes.name = value.name;
  if (value.unit !== product.unit) changes.unit = value.unit;
  if (value.price_paise !== product.price_paise) changes.price_paise = value.price_paise;
  if (value.mrp_paise !== undefined && value.mrp_paise !== product.mrp_paise) changes.mrp_paise = value.mrp_paise;
  if (value.stock !== product.stock) changes.stock = value.stock;
  if (value.category_id !== product.category_id) changes.category_id = value.category_id;
  if (value.is_available !== product.is_available) changes.is_available = value.is_available;
  if (value.is_visible !== product.is_visible) changes.is_visible = value.is_visible;
  return changes;
}
