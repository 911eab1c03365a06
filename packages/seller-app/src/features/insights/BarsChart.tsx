import { spacing, typeScale, useTheme } from '@kupwara/shared/ui';
import { useState } from 'react';
import { View } from 'react-native';
import { BarChart } from 'react-native-gifted-charts';

export interface Bar {
  value: number;
  /** Shown under the bar; '' for none (every third hour, say, keeps the axis readable). */
  label: string;
}

export interface BarsChartProps {
  bars: readonly Bar[];
  /** What the chart shows, in words, for screen readers (the bars themselves are not read out). */
  accessibilityLabel: string;
  testID?: string;
}

const HEIGHT = 140;
const Y_AXIS = 28;

/** A plain bar chart that fills its column, however many bars (24 hours, 7 or 30 days). */
export function BarsChart({ bars, accessibilityLabel, testID }: BarsChartProps) {
  const { colors } = useTheme();
  const [width, setWidth] = useState(0);
  const slot = width > 0 ? (width - Y_AXIS - spacing.md) / Math.max(bars.length, 1) : 0;
  const barWidth = Math.max(2, Math.floor(slot * 0.7));
  const gap = Math.max(1, slot - barWidth);
  const top = Math.max(...bars.map((bar) => bar.value), 1);
  const sections = Math.min(4, top);
  return (
    <View
      testID={testID}
      accessible
      accessibilityRole="image"
      accessibilityLabel={accessibilityLabel}
      onLayout={(event) => setWidth(event.nativeEvent.layout.width)}
    >
      {width > 0 ? (
        <BarChart
          data={bars.map((bar) => ({ value: bar.value, label: bar.label }))}
          width={width - Y_AXIS - spacing.sm}
          height={HEIGHT}
          barWidth={barWidth}
          spacing={gap}
          initialSpacing={gap / 2}
          endSpacing={0}
          frontColor={colors.primary}
          noOfSections={sections}
          maxValue={Math.ceil(top / sections) * sections}
          yAxisLabelWidth={Y_AXIS}
          yAxisThickness={0}
          xAxisThickness={1}
          xAxisColor={colors.border}
          rulesColor={colors.border}
          yAxisTextStyle={[typeScale.caption, { color: colors.textMuted }]}
          xAxisLabelTextStyle={[typeScale.caption, { color: colors.textMuted, width: slot * 3, marginLeft: -slot }]}
          labelWidth={slot * 3}
          disableScroll
          disablePress
        />
      ) : (
        <View style={{ height: HEIGHT + 24 }} />
      )}
    </View>
  );
}
