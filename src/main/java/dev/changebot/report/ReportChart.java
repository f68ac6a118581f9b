package dev.changebot.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The monthly report's picture, drawn on the server with JFreeChart into one PNG that Slack shows
 * inline: deployments per week by outcome (stacked bars, with their counts), the weekly median
 * lead time (a line), and approval latency by step (bars, with their hours). Nothing here reads the
 * database or knows Slack: it draws what it is given, without a display (headless AWT).
 */
public final class ReportChart {

    public static final int WIDTH = 1200;
    public static final int PANEL_HEIGHT = 360;
    /** Three panels, one above the other. */
    public static final int HEIGHT = PANEL_HEIGHT * 3;

    private static final Color SUCCEEDED = new Color(0x2E, 0x7D, 0x32);
    private static final Color FAILED = new Color(0xC6, 0x28, 0x28);
    private static final Color ROLLED_BACK = new Color(0xEF, 0x6C, 0x00);

    static {
        // A server has no display: AWT must not try to open one.
        System.setProperty("java.awt.headless", "true");
    }

    private ReportChart() {
    }

    /** The PNG's bytes. */
    public static byte[] png(ChartData data) {
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            var panels = List.of(deployments(data), leadTime(data), approvalLatency(data));
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(g, new java.awt.geom.Rectangle2D.Double(0, (double) i * PANEL_HEIGHT, WIDTH, PANEL_HEIGHT));
            }
        } finally {
            g.dispose();
        }
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Deployments to production per week, stacked by outcome, each segment labelled with its count. */
    static JFreeChart deployments(ChartData data) {
        var dataset = new DefaultCategoryDataset();
        for (var week : data.weeks()) {
            dataset.addValue(week.succeeded(), "Succeeded", week.label());
            dataset.addValue(week.failed(), "Failed", week.label());
            dataset.addValue(week.rolledBack(), "Rolled back", week.label());
        }
        var chart = ChartFactory.createStackedBarChart(data.title() + " — deployments per week", "Week", "Deployments",
                dataset, PlotOrientation.VERTICAL, true, false, false);
        var renderer = new StackedBarRenderer();
        renderer.setSeriesPaint(0, SUCCEEDED);
        renderer.setSeriesPaint(1, FAILED);
        renderer.setSeriesPaint(2, ROLLED_BACK);
        labelled(renderer, "{2}");
        style(chart).getCategoryPlot().setRenderer(renderer);
        return chart;
    }

    /** The median lead time of each week's changes, request to production, in hours. */
    static JFreeChart leadTime(ChartData data) {
        var dataset = new DefaultCategoryDataset();
        for (var week : data.weeks()) {
            dataset.addValue(week.leadTimeMedianHours(), "Lead time, median (h)", week.label());
        }
        var chart = ChartFactory.createLineChart("Lead time trend", "Week", "Hours", dataset, PlotOrientation.VERTICAL,
                true, false, false);
        var renderer = new LineAndShapeRenderer(true, true);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesPaint(0, new Color(0x15, 0x65, 0xC0));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.0")));
        renderer.setDefaultItemLabelsVisible(true);
        style(chart).getCategoryPlot().setRenderer(renderer);
        return chart;
    }

    /** How long each approval step waited, median, in hours. */
    static JFreeChart approvalLatency(ChartData data) {
        var dataset = new DefaultCategoryDataset();
        for (var step : data.approvalLatency()) {
            dataset.addValue(step.medianHours(), "Approval latency, median (h)", step.step());
        }
        var chart = ChartFactory.createBarChart("Approval latency by step", "Step", "Hours", dataset,
                PlotOrientation.HORIZONTAL, true, false, false);
        var renderer = new BarRenderer();
        renderer.setSeriesPaint(0, new Color(0x6A, 0x1B, 0x9A));
        labelled(renderer, "{2}");
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.0")));
        style(chart).getCategoryPlot().setRenderer(renderer);
        return chart;
    }

    private static void labelled(BarRenderer renderer, String format) {
        // Flat bars: the default glossy gradient and shadow only make a small image harder to read.
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(format,
                java.text.NumberFormat.getIntegerInstance()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setNoDataMessage("No data in this period");
        return chart;
    }
}
