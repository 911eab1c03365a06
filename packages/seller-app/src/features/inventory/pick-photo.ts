import { uploadField } from '@kupwara/shared/values';
import * as ImagePicker from 'expo-image-picker';
import { Platform } from 'react-native';

/**
 * A photo from the camera or the gallery, as the upload's form (JPEG: the server cannot read HEIC,
 * so the picker converts on the phone). Undefined when the seller cancelled or refused the permission.
 */
export async function pickPhoto(from: 'camera' | 'gallery'): Promise<FormData | undefined> {
  const options: ImagePicker.ImagePickerOptions = { mediaTypes: ['images'], quality: 0.8, allowsEditing: false };
  if (from === 'camera') {
    const permission = await ImagePicker.requestCameraPermissionsAsync();
    if (!permission.granted) return undefined;
  }
  const result =
    from === 'camera'
      ? await ImagePicker.launchCameraAsync(options)
      : await ImagePicker.launchImageLibraryAsync(options);
  const asset = result.canceled ? undefined : result.assets[0];
  if (!asset) return undefined;
  const form = new FormData();
  const name = asset.fileName ?? 'photo.jpg';
  if (Platform.OS === 'web') {
    form.append(uploadField, asset.file ?? (await (await fetch(asset.uri)).blob()), name);
  } else {
    // React Native's FormData sends a file named by its uri.
    form.append(uploadField, { uri: asset.uri, name, type: asset.mimeType ?? 'image/jpeg' } as unknown as Blob);
  }
  return form;
}
