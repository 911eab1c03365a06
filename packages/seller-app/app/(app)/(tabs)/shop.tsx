import type { OpeningHours, StoreDetails, UpdateStoreRequest } from '@kupwara/shared';
import { EmptyState, Screen, Skeleton, spacing, typeScale, useTheme, useToast } from '@kupwara/shared/ui';
import { ScrollView, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { HoursEditor } from '../../../src/features/shop/HoursEditor';
import { PaymentSwitches } from '../../../src/features/shop/PaymentSwitches';
import { conflictingShop, useCategories, useMyShop, useUpdateShop } from '../../../src/features/shop/queries';
import { type ShopFields, ShopForm } from '../../../src/features/shop/ShopForm';
import { ShopPhotos } from '../../../src/features/shop/ShopPhotos';
import { messages } from '../../../src/messages';

const words = messages.shop;

/** The shop tab: its details and how customers pay, and its opening hours, side by side on a wide screen. */
export default function ShopTab() {
  const { colors } = useTheme();
  const toast = useToast();
  const wide = useWindowDimensions().width >= 768;
  const shop = useMyShop();
  const categories = useCategories();
  const update = useUpdateShop();

  const save = (changes: Omit<UpdateStoreRequest, 'version'>) => {
    if (!shop.data) return;
    update.mutate({ version: shop.data.version, ...changes } as UpdateStoreRequest, {
      onSuccess: () => toast.show(words.saved, { tone: 'success' }),
      onError: (error) => toast.show(conflictingShop(error) ? words.conflict : error.message, { tone: 'danger' }),
    });
  };

  if (!shop.data) {
    return (
      <Screen title={words.title} back={false}>
        {shop.isError ? (
          <EmptyState
            title={messages.shopGate.failed}
            message={shop.error.message}
            action={{ title: messages.shopGate.retry, onPress: () => void shop.refetch() }}
          />
        ) : (
          <Skeleton lines={6} height={48} />
        )}
      </Screen>
    );
  }
  const data = shop.data;
  const heading = (text: string) => (
    <Text role="heading" aria-level={2} style={[typeScale.title, { color: colors.text }]}>
      {text}
    </Text>
  );
  return (
    <Screen title={words.title} back={false}>
      <ScrollView contentContainerStyle={[styles.content, wide && styles.wide]}>
        {/* New values from the server (a save, a conflict, another device) start a form again from them;
            the switch and busy mode change neither form. */}
        <View style={[wide ? styles.detailsColumn : styles.column, styles.sections]}>
          <View key={detailsKey(data)} style={styles.column}>
            {heading(words.details)}
            <ShopPhotos shop={data} />
            <ShopForm
              initial={{
                name: data.name,
                phone: data.phone,
                address: data.address,
                location: data.location,
                delivery_radius_km: data.delivery_radius_km,
                min_order_paise: data.min_order_paise,
                categories: data.categories,
              }}
              categories={categories.data?.items ?? []}
              submitLabel={words.save}
              saving={update.isPending}
              onSubmit={(fields: ShopFields) => save(fields)}
            />
          </View>
          <View style={styles.column}>
            {heading(words.payments.title)}
            <PaymentSwitches shop={data} />
          </View>
        </View>
        <View key={JSON.stringify(data.opening_hours)} style={wide ? styles.hoursColumn : styles.column}>
          {heading(words.hoursTitle)}
          <HoursEditor
            hours={data.opening_hours}
            saving={update.isPending}
            onSave={(opening_hours: OpeningHours) => save({ opening_hours })}
          />
        </View>
      </ScrollView>
    </Screen>
  );
}

const detailsKey = (shop: StoreDetails) =>
  JSON.stringify([
    shop.name,
    shop.phone,
    shop.address,
    shop.location,
    shop.delivery_radius_km,
    shop.min_order_paise,
    shop.categories,
  ]);

const styles = StyleSheet.create({
  content: { padding: spacing.md, gap: spacing.xl },
  wide: { flexDirection: 'row', alignItems: 'flex-start', gap: spacing.lg },
  column: { gap: spacing.md },
  detailsColumn: { flex: 2, gap: spacing.md },
  hoursColumn: { flex: 3, gap: spacing.md },
  sections: { gap: spacing.xl },
});
