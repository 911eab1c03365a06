import type { ImageSet, StoreDetails } from '@kupwara/shared';
import { apiBaseUrl, useServices } from '@kupwara/shared/app';
import { ApiError, uploadWithProgress } from '@kupwara/shared/client';
import { Button, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { routePaths, uploadField } from '@kupwara/shared/values';
import { useQueryClient } from '@tanstack/react-query';
import * as ImagePicker from 'expo-image-picker';
import { useState } from 'react';
import { ActivityIndicator, Image, Platform, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { myShopKeys } from './queries';

const words = messages.shop;
type Kind = 'logo' | 'cover';

/** The photo as the upload wants it: the browser's file on the web, the file's address on a phone. */
async function formOf(asset: ImagePicker.ImagePickerAsset) {
  const form = new FormData();
  const name = asset.fileName ?? 'photo.jpg';
  if (Platform.OS === 'web') {
    form.append(uploadField, asset.file ?? (await (await fetch(asset.uri)).blob()), name);
  } else {
    form.append(uploadField, { uri: asset.uri, name, type: asset.mimeType ?? 'image/jpeg' } as unknown as Blob);
  }
  return form;
}

const smallest = (image: ImageSet | null, width: number) =>
  [...(image?.variants ?? [])].sort((a, b) => a.width - b.width).find((v) => v.width >= width)?.url ?? image?.src;

/** The shop's logo and cover photo, from the gallery or the camera, through the server's WebP pipeline. */
export function ShopPhotos({ shop }: { shop: StoreDetails }) {
  const { colors } = useTheme();
  const { api, session } = useServices();
  const client = useQueryClient();
  const [uploading, setUploading] = useState<Kind>();
  const [progress, setProgress] = useState(0);
  const [problem, setProblem] = useState<string>();

  async function pick(kind: Kind, from: 'gallery' | 'camera') {
    setProblem(undefined);
    const options: ImagePicker.ImagePickerOptions = {
      mediaTypes: ['images'],
      quality: 0.8,
      allowsEditing: true,
      aspect: kind === 'logo' ? [1, 1] : [16, 9],
    };
    if (from === 'camera' && !(await ImagePicker.requestCameraPermissionsAsync()).granted) return;
    const result =
      from === 'camera'
        ? await ImagePicker.launchCameraAsync(options)
        : await ImagePicker.launchImageLibraryAsync(options);
    const asset = result.canceled ? undefined : result.assets[0];
    if (!asset) return;
    setUploading(kind);
    setProgress(0);
    try {
      const body = await formOf(asset);
      const url = `${apiBaseUrl()}${routePaths.uploadStoreImage[1]}?kind=${kind}`;
      const token = session.store.getState().session?.access_token;
      const updated = await uploadWithProgress({ url, token, body, onProgress: setProgress }).catch(
        async (error: unknown) => {
          // An expired session: once more through the client, which renews it (without progress).
          if (error instanceof ApiError && error.status === 401) {
            return api.call('uploadStoreImage', { query: { kind }, body: await formOf(asset) });
          }
          throw error;
        },
      );
      client.setQueryData(myShopKeys.shop(), updated as StoreDetails);
    } catch {
      setProblem(words.uploadFailed);
    } finally {
      setUploading(undefined);
    }
  }

  const photo = (kind: Kind, label: string, image: ImageSet | null) => {
    const uri = smallest(image, kind === 'logo' ? 160 : 480);
    return (
      <View key={kind} style={styles.photo}>
        <Text style={[typeScale.label, { color: colors.text }]}>{label}</Text>
        <View
          style={[
            kind === 'logo' ? styles.logo : styles.cover,
            { backgroundColor: colors.surface, borderColor: colors.border },
          ]}
        >
          {uri ? <Image source={{ uri }} style={StyleSheet.absoluteFill} accessibilityLabel={label} /> : null}
          {uploading === kind ? (
            <ActivityIndicator accessibilityLabel={words.uploading(Math.round(progress * 100))} />
          ) : null}
        </View>
        <View style={styles.buttons}>
          <Button
            variant="secondary"
            title={words.choosePhoto(label.toLowerCase())}
            disabled={Boolean(uploading)}
            onPress={() => void pick(kind, 'gallery')}
          />
          {Platform.OS === 'web' ? null : (
            <Button
              variant="secondary"
              title={words.takePhoto(label.toLowerCase())}
              disabled={Boolean(uploading)}
              onPress={() => void pick(kind, 'camera')}
            />
          )}
        </View>
      </View>
    );
  };

  return (
    <View style={styles.photos}>
      <Text role="heading" aria-level={2} style={[typeScale.label, { color: colors.text }]}>
        {words.photos}
      </Text>
      <View style={styles.row}>
        {photo('logo', words.logo, shop.logo)}
        {photo('cover', words.cover, shop.cover)}
      </View>
      {uploading ? (
        <Text role="status" style={[typeScale.caption, { color: colors.textMuted }]}>
          {words.uploading(Math.round(progress * 100))}
        </Text>
      ) : null}
      {problem ? (
        <Text role="alert" style={[typeScale.body, { color: colors.danger }]}>
          {problem}
        </Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  photos: { gap: spacing.sm },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.md },
  photo: { gap: spacing.sm, flexGrow: 1, flexBasis: 140 },
  logo: { width: 96, height: 96, borderRadius: 48, borderWidth: 1, overflow: 'hidden', justifyContent: 'center' },
  cover: {
    width: '100%',
    aspectRatio: 16 / 9,
    borderRadius: 12,
    borderWidth: 1,
    overflow: 'hidden',
    justifyContent: 'center',
  },
  buttons: { gap: spacing.sm },
});
