import { useServices } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import { Screen, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { useQueryClient } from '@tanstack/react-query';
import { router } from 'expo-router';
import { useState } from 'react';
import { ScrollView, StyleSheet, Text } from 'react-native';
import { myShopKeys, useCategories } from '../../src/features/shop/queries';
import { type ShopFields, ShopForm } from '../../src/features/shop/ShopForm';
import { messages } from '../../src/messages';

const words = messages.shop;
/** Kupwara's centre: where the plan starts until the seller says where the shop is. */
const TOWN_CENTRE = { lat: 34.5297, lng: 74.2543 };

/** A new seller sets up their shop here before anything else (a blocking form: it needs the server). */
export default function Setup() {
  const { colors } = useTheme();
  const { api } = useServices();
  const client = useQueryClient();
  const categories = useCategories();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function create(fields: ShopFields) {
    setSaving(true);
    setProblem(undefined);
    try {
      const { name, address, location, delivery_radius_km, phone, min_order_paise, categories: slugs } = fields;
      // Tried before and opened then, but not finished: go on from the shop that exists.
      const opened = await api
        .call('createMyStore', { body: { name, address, location, delivery_radius_km } })
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.code === 'CONFLICT') return api.call('getMyStore', {});
          throw error;
        });
      const shop = await api.call('updateMyStore', {
        body: {
          version: opened.version,
          name,
          address,
          location,
          delivery_radius_km,
          phone,
          min_order_paise,
          categories: slugs,
        },
      });
      client.setQueryData(myShopKeys.shop(), shop);
      router.replace('/shop');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Screen title={words.setupTitle} back={false}>
      <ScrollView contentContainerStyle={styles.content}>
        <Text style={[typeScale.body, { color: colors.textMuted }]}>{words.setupIntro}</Text>
        <ShopForm
          initial={{
            name: '',
            phone: null,
            address: '',
            location: TOWN_CENTRE,
            delivery_radius_km: 3,
            min_order_paise: 0,
            categories: [],
          }}
          categories={categories.data?.items ?? []}
          submitLabel={words.create}
          saving={saving}
          onSubmit={create}
        />
        {problem ? (
          <Text role="alert" style={[typeScale.body, { color: colors.danger }]}>
            {problem}
          </Text>
        ) : null}
      </ScrollView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.md, width: '100%', maxWidth: 720, alignSelf: 'center' },
});
