package dev.toriimcp.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** Latency against concurrency, p50 solid and p99 dashed, both axes logarithmic. */
final class Plot {
  private static final Color[] COLORS = {
    new Color(0x55, 0x55, 0x55),
    new Color(0x1f, 0x77, 0xb4),
    new Color(0xd6, 0x27, 0x28),
    new Color(0x2c, 0xa0, 0x2c),
    new Color(0x94, 0x67, 0xbd)
  };
  private static final int W = 1000;
  private static final int H = 640;
  private static final int LEFT = 90;
  private static final int RIGHT = 300;
  private static final int TOP = 60;
  private static final int BOTTOM = 70;

  private Plot() {}

  /**
   * Draws the plot.
   *
   * @param series per series and concurrency level, {p50, p99} in milliseconds
   */
  static void latency(Map<String, Map<Integer, double[]>> series, Path file) throws IOException {
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (var m : series.values()) {
      for (double[] r : m.values()) {
        lo = Math.min(lo, r[0]);
        hi = Math.max(hi, r[1]);
      }
    }
    double yMin = Math.pow(10, Math.floor(Math.log10(lo)));
    double yMax = Math.pow(10, Math.ceil(Math.log10(hi)));
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString(
        "tools/call latency against concurrent clients (same upstream, same run)", LEFT, 32);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    int[] levels = Runs.LEVELS;
    // grid and axes
    for (double y = yMin; y <= yMax * 1.0001; y *= 10) {
      for (int k = 1; k < 10 && y * k <= yMax * 1.0001; k++) {
        int py = py(y * k, yMin, yMax);
        g.setColor(k == 1 ? new Color(0xbb, 0xbb, 0xbb) : new Color(0xee, 0xee, 0xee));
        g.drawLine(LEFT, py, W - RIGHT, py);
      }
      g.setColor(Color.BLACK);
      String label =
          y >= 1
              ? String.format(Locale.ROOT, "%.0f ms", y)
              : (y * 1000 >= 1
                  ? String.format(Locale.ROOT, "%.0f µs", y * 1000)
                  : String.format(Locale.ROOT, "%.2f µs", y * 1000));
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), py(y, yMin, yMax) + 5);
    }
    for (int n : levels) {
      int px = px(n, levels);
      g.setColor(new Color(0xdd, 0xdd, 0xdd));
      g.drawLine(px, TOP, px, H - BOTTOM);
      g.setColor(Color.BLACK);
      String label = Integer.toString(n);
      g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, H - BOTTOM + 20);
    }
    g.drawRect(LEFT, TOP, W - RIGHT - LEFT, H - TOP - BOTTOM);
    g.drawString("concurrent clients", (LEFT + W - RIGHT) / 2 - 50, H - BOTTOM + 45);
    g.rotate(-Math.PI / 2);
    g.drawString("latency (log scale)", -(TOP + H - BOTTOM) / 2 - 55, 25);
    g.rotate(Math.PI / 2);
    // series
    Stroke solid = new BasicStroke(2.5f);
    Stroke dashed =
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7, 5}, 0);
    int i = 0;
    int legendY = TOP + 10;
    for (var e : series.entrySet()) {
      Color c = COLORS[i++ % COLORS.length];
      g.setColor(c);
      for (int pass = 0; pass < 2; pass++) {
        g.setStroke(pass == 0 ? solid : dashed);
        int prevX = -1;
        int prevY = -1;
        for (int n : levels) {
          double[] r = e.getValue().get(n);
          if (r == null) {
            continue;
          }
          int x = px(n, levels);
          int y = py(r[pass], yMin, yMax);
          g.fillOval(x - 4, y - 4, 8, 8);
          if (prevX >= 0) {
            g.drawLine(prevX, prevY, x, y);
          }
          prevX = x;
          prevY = y;
        }
      }
      g.setStroke(solid);
      g.drawLine(W - RIGHT + 15, legendY, W - RIGHT + 45, legendY);
      g.setColor(Color.BLACK);
      g.drawString(e.getKey(), W - RIGHT + 52, legendY + 5);
      legendY += 24;
    }
    g.setColor(Color.BLACK);
    legendY += 10;
    g.setStroke(solid);
    g.drawLine(W - RIGHT + 15, legendY, W - RIGHT + 45, legendY);
    g.drawString("p50", W - RIGHT + 52, legendY + 5);
    legendY += 22;
    g.setStroke(dashed);
    g.drawLine(W - RIGHT + 15, legendY, W - RIGHT + 45, legendY);
    g.drawString("p99", W - RIGHT + 52, legendY + 5);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  /** Draws the plot again from a results.md (its "Every concurrency level" table). */
  static void fromResults(Path results, Path file) throws IOException {
    Map<String, Map<Integer, double[]>> series = new java.util.LinkedHashMap<>();
    boolean inTable = false;
    for (String line : java.nio.file.Files.readAllLines(results)) {
      if (line.startsWith("### Every concurrency level")) {
        inTable = true;
      } else if (inTable && line.startsWith("| ") && !line.startsWith("| series")) {
        String[] cells = line.split("\\|");
        Map<Integer, double[]> levels = new java.util.LinkedHashMap<>();
        for (int i = 0; i < Runs.LEVELS.length && i + 2 < cells.length; i++) {
          String[] v = cells[i + 2].trim().split(",\\s*");
          if (v.length == 3) {
            levels.put(
                Runs.LEVELS[i], new double[] {Double.parseDouble(v[1]), Double.parseDouble(v[2])});
          }
        }
        series.put(cells[1].trim(), levels);
      } else if (inTable && !series.isEmpty() && !line.startsWith("|")) {
        break;
      }
    }
    latency(series, file);
  }

  private static int px(int n, int[] levels) {
    double max = Math.log(levels[levels.length - 1]) / Math.log(2);
    double f = (Math.log(n) / Math.log(2)) / max;
    return (int) Math.round(LEFT + 40 + f * (W - RIGHT - LEFT - 80));
  }

  private static int py(double ms, double yMin, double yMax) {
    double f = (Math.log10(ms) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin));
    return (int) Math.round(H - BOTTOM - f * (H - TOP - BOTTOM));
  }
}
