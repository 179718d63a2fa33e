/**
 * Downscaling a picked image in the browser before it is stored: photos from phones are
 * several MB; a card needs at most 512 px. Re-encoding also drops EXIF data (location).
 */

/** The longest side a stored photo may have. */
export const MAX_PHOTO_SIDE = 512;

/** The size an image of `width` × `height` gets so that its longest side is at most `max`. */
export function scaledSize(width: number, height: number, max: number = MAX_PHOTO_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A downscaled, re-encoded image. */
export interface EncodedImage {
  data: Uint8Array;
  type: string;
  width: number;
  height: number;
}

/**
 * Decodes an image file, fits it into MAX_PHOTO_SIDE and encodes it as WebP (JPEG where the
 * browser cannot write WebP). Throws when the file is not an image the browser can decode.
 */
export async function downscaleImage(file: Blob, max: number = MAX_PHOTO_SIDE): Promise<EncodedImage> {
  const bitmap = await createImageBitmap(file);
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height, max);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    // White under transparent pixels: JPEG has no alpha and would turn them black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    let blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
    if (blob.type !== 'image/webp') blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return { data: new Uint8Array(await blob.arrayBuffer()), type: blob.type, width, height };
  } finally {
    bitmap.close();
  }
}
