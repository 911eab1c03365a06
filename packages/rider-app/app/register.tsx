import type { VehicleType } from '@kupwara/shared';
import { AuthForm } from '@kupwara/shared/app';
import { Chip, spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { vehicleTypes } from '@kupwara/shared/values';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { messages } from '../src/messages';

const words = messages.auth;

/** A new rider: name, phone, password and how they get around (dispatch weighs it). */
export default function Register() {
  const { colors } = useTheme();
  const [vehicle, setVehicle] = useState<VehicleType>('motorcycle');
  return (
    <AuthForm
      mode="register"
      accountRole="rider"
      words={words}
      signUpDetails={{ vehicle_type: vehicle }}
      signUpFields={
        <View style={styles.group}>
          <Text style={[typeScale.label, { color: colors.text }]}>{words.vehicle}</Text>
          <View style={styles.chips}>
            {vehicleTypes.map((option) => (
              <Chip
                key={option}
                label={words.vehicles[option]}
                selected={vehicle === option}
                onPress={() => setVehicle(option)}
              />
            ))}
          </View>
        </View>
      }
    />
  );
}

const styles = StyleSheet.create({
  group: { gap: spacing.sm },
  chips: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
});
