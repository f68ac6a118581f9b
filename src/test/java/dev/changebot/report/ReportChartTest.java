package dev.changebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.LegendItem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 16: the report's chart is a real PNG of the stated size, whose panels carry the numbers and legends given. */
class ReportChartTest {

    private static final ChartData NOVEMBER = new ChartData("2026-11", List.of(
            new ChartData.Week("Nov 2", 9, 1, 0, 3.5),
            new ChartData.Week("Nov 9", 7, 0, 2, 5.0),
            new ChartData.Week("Nov 16", 0, 0, 0, null)),
            List.of(new ChartData.StepLatency("Backend Lead review", 2.25), new ChartData.StepLatency("SRE Lead sign-off", 6.0)));

    @Test
    @DisplayName("the PNG decodes to the stated size, its three panels drawn (not a blank image)")
    void aRealPicture() throws IOException {
        var png = ReportChart.png(NOVEMBER);

        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ReportChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ReportChart.HEIGHT);
        var colours = new java.util.HashSet<Integer>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("bars, lines and text in several colours").isGreaterThan(10);
    }

    @Test
    @DisplayName("deployments per week: one stacked series per outcome, in the legend, with the counts given")
    void deploymentsByOutcome() {
        var chart = ReportChart.deployments(NOVEMBER);
        var dataset = chart.getCategoryPlot().getDataset();
        var legend = chart.getCategoryPlot().getLegendItems();

        assertThat(java.util.stream.IntStream.range(0, legend.getItemCount()).mapToObj(legend::get)
                .map(LegendItem::getLabel)).containsExactly("Succeeded", "Failed", "Rolled back");
        assertThat(dataset.getValue("Succeeded", "Nov 2").intValue()).isEqualTo(9);
        assertThat(dataset.getValue("Rolled back", "Nov 9").intValue()).isEqualTo(2);
        assertThat(chart.getCategoryPlot().getRenderer().getDefaultItemLabelsVisible()).as("counts on the bars").isTrue();
    }

    @Test
    @DisplayName("the lead time trend leaves a week without changes empty, and approval latency lists each step")
    void trendAndLatency() {
        var lead = ReportChart.leadTime(NOVEMBER).getCategoryPlot().getDataset();
        var latency = ReportChart.approvalLatency(NOVEMBER).getCategoryPlot().getDataset();

        assertThat(lead.getValue(0, 0)).isEqualTo(3.5);
        assertThat(lead.getValue(0, 2)).as("no changes that week: no point, not zero").isNull();
        assertThat(latency.getColumnKeys()).containsExactly("Backend Lead review", "SRE Lead sign-off");
        assertThat(latency.getValue(0, 1)).isEqualTo(6.0);
    }

    @Test
    @DisplayName("an empty period still draws, saying there is no data")
    void emptyPeriod() throws IOException {
        var empty = new ChartData("2026-12", List.of(), List.of());

        var image = ImageIO.read(new ByteArrayInputStream(ReportChart.png(empty)));

        assertThat(image.getWidth()).isEqualTo(ReportChart.WIDTH);
        assertThat(ReportChart.deployments(empty).getCategoryPlot().getNoDataMessage()).isEqualTo("No data in this period");
    }
}
