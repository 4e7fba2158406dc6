package nl.loket.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

/**
 * The learning week as a line chart (PNG, java.awt without a screen): per day the share of contacts routed to the
 * right team at once, the same for the hard phrasings, and the transfer rate; under each day the model that was live
 * and what the retrain after it did. Labels in Dutch, for the people the chart is shown to.
 */
public final class LearningPlot {

    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;

    static final Color ACCURACY = new Color(0x1F, 0x5F, 0xA8);
    static final Color HARD = new Color(0x6F, 0xA8, 0xDC);
    static final Color TRANSFERS = new Color(0xD9, 0x6B, 0x1C);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color PROMOTED = new Color(0x1B, 0x7F, 0x3B);
    private static final Color KEPT = new Color(0x66, 0x66, 0x66);

    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 90;
    private static final int BOTTOM = 100;

    private LearningPlot() {
    }

    public static void write(List<LearningDay> days, String title, Path file) throws IOException {
        write(days, title, file, WIDTH, HEIGHT);
    }

    public static void write(List<LearningDay> days, String title, Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, days, title, width, height);
        } finally {
            g.dispose();
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer in this JDK");
        }
    }

    private static void draw(Graphics2D g, List<LearningDay> days, String title, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int plotWidth = width - LEFT - RIGHT;
        int plotHeight = height - TOP - BOTTOM;

        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, LEFT, 32);
        legend(g, LEFT, 62);

        // y: 0–100 %, a grid line every 10 %
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int pct = 0; pct <= 100; pct += 10) {
            int y = y(pct / 100.0, plotHeight);
            g.setColor(pct == 0 ? TEXT : GRID);
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            if (pct % 20 == 0) {
                g.setColor(TEXT);
                String label = pct + "%";
                g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
            }
        }
        AffineTransform straight = g.getTransform();
        g.rotate(-Math.PI / 2);
        String yLabel = "% van de contacten";
        g.drawString(yLabel, -(TOP + plotHeight / 2 + fm.stringWidth(yLabel) / 2), 24);
        g.setTransform(straight);

        // x: one slot per day; under it the day, the model live that day, and the retrain after it
        for (int i = 0; i < days.size(); i++) {
            LearningDay day = days.get(i);
            int x = x(i, days.size(), plotWidth);
            int base = TOP + plotHeight + 18;
            g.setColor(TEXT);
            centred(g, Integer.toString(day.day()), x, base);
            g.setColor(KEPT);
            centred(g, day.modelVersion() == null ? "geen model" : "model v" + day.modelVersion(), x, base + 16);
            if (day.retrain() != null) {
                g.setColor(day.retrain().promoted() ? PROMOTED : KEPT);
                centred(g, day.retrain().promoted() ? "nieuw: v" + day.retrain().version() : "behouden", x, base + 32);
            }
        }
        // what the rows under the days are
        int base = TOP + plotHeight + 18;
        g.setColor(KEPT);
        for (String[] row : new String[][] {{"live:", "16"}, {"daarna:", "32"}}) {
            g.drawString(row[0], LEFT - 8 - fm.stringWidth(row[0]), base + Integer.parseInt(row[1]));
        }
        g.setColor(TEXT);
        centred(g, "dag", LEFT + plotWidth / 2, height - 14);

        line(g, days, LearningDay::hardAccuracy, HARD, dashed(), plotWidth, plotHeight, false);
        line(g, days, LearningDay::transferRate, TRANSFERS, new BasicStroke(3f), plotWidth, plotHeight, true);
        line(g, days, LearningDay::accuracy, ACCURACY, new BasicStroke(3f), plotWidth, plotHeight, true);
    }

    private static void legend(Graphics2D g, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        Object[][] entries = {
            {ACCURACY, new BasicStroke(3f), "routering juist"},
            {HARD, dashed(), "routering juist, lastige formuleringen"},
            {TRANSFERS, new BasicStroke(3f), "doorgezet"}};
        for (Object[] entry : entries) {
            g.setColor((Color) entry[0]);
            g.setStroke((Stroke) entry[1]);
            g.drawLine(x, y - 4, x + 28, y - 4);
            g.setColor(TEXT);
            g.drawString((String) entry[2], x + 34, y);
            x += 34 + fm.stringWidth((String) entry[2]) + 28;
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** The values as a line with dots (a day without a value breaks the line), optionally labelled with percentages. */
    private static void line(Graphics2D g, List<LearningDay> days, ToDoubleFunction<LearningDay> value, Color colour,
            Stroke stroke, int plotWidth, int plotHeight, boolean labels) {
        g.setColor(colour);
        g.setStroke(stroke);
        Path2D path = new Path2D.Double();
        boolean drawing = false;
        for (int i = 0; i < days.size(); i++) {
            double v = value.applyAsDouble(days.get(i));
            if (Double.isNaN(v)) {
                drawing = false;
                continue;
            }
            double x = x(i, days.size(), plotWidth);
            double y = y(v, plotHeight);
            if (drawing) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
                drawing = true;
            }
        }
        g.draw(path);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        for (int i = 0; i < days.size(); i++) {
            double v = value.applyAsDouble(days.get(i));
            if (Double.isNaN(v)) {
                continue;
            }
            int x = x(i, days.size(), plotWidth);
            int y = y(v, plotHeight);
            g.fillOval(x - 5, y - 5, 10, 10);
            if (labels) {
                centred(g, String.format(Locale.ROOT, "%.0f%%", v * 100), x, y - 10);
            }
        }
    }

    private static Stroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f);
    }

    private static void centred(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    /** The centre of day {@code i}'s slot. */
    private static int x(int i, int n, int plotWidth) {
        return LEFT + (int) Math.round((i + 0.5) * plotWidth / Math.max(1, n));
    }

    private static int y(double share, int plotHeight) {
        double clamped = Math.max(0, Math.min(1, share));
        return TOP + (int) Math.round((1 - clamped) * plotHeight);
    }
}
