/** An uploaded image as kept in the database: its content hash and the WebP widths made from it. */
export interface StoredImage {
  id: string;
  variants: { width: number; height: number; key: string }[];
}
