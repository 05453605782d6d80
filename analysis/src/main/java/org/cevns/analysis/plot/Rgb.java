package org.cevns.analysis.plot;

import java.util.Locale;

/**
 * An opaque sRGB colour, components 0..255. The named constants are the colour-blind-safe palette of
 * Okabe and Ito, "Color Universal Design" (2008), plus black, greys and white.
 *
 * @param red red 0..255
 * @param green green 0..255
 * @param blue blue 0..255
 */
public record Rgb(int red, int green, int blue) {
  /** Black. */
  public static final Rgb BLACK = new Rgb(0, 0, 0);
  /** White. */
  public static final Rgb WHITE = new Rgb(255, 255, 255);
  /** Mid grey. */
  public static final Rgb GREY = new Rgb(128, 128, 128);
  /** Dark grey (reference lines and their tags). */
  public static final Rgb DARK_GREY = new Rgb(96, 96, 96);
  /** Light grey (legend frames). */
  public static final Rgb LIGHT_GREY = new Rgb(200, 200, 200);
  /** Okabe-Ito orange #E69F00. */
  public static final Rgb ORANGE = new Rgb(0xE6, 0x9F, 0x00);
  /** Okabe-Ito sky blue #56B4E9. */
  public static final Rgb SKY_BLUE = new Rgb(0x56, 0xB4, 0xE9);
  /** Okabe-Ito bluish green #009E73. */
  public static final Rgb GREEN = new Rgb(0x00, 0x9E, 0x73);
  /** Okabe-Ito yellow #F0E442. */
  public static final Rgb YELLOW = new Rgb(0xF0, 0xE4, 0x42);
  /** Okabe-Ito blue #0072B2. */
  public static final Rgb BLUE = new Rgb(0x00, 0x72, 0xB2);
  /** Okabe-Ito vermillion #D55E00. */
  public static final Rgb VERMILLION = new Rgb(0xD5, 0x5E, 0x00);
  /** Okabe-Ito reddish purple #CC79A7. */
  public static final Rgb PURPLE = new Rgb(0xCC, 0x79, 0xA7);

  private static final Rgb[] CYCLE = {BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY_BLUE, YELLOW};

  /** Validates the components. */
  public Rgb {
    check("red", red);
    check("green", green);
    check("blue", blue);
  }

  private static void check(String name, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(name + " must be in 0..255, got " + value);
    }
  }

  /**
   * Parses {@code #RRGGBB}.
   *
   * @param hex six hex digits after '#'
   * @return the colour
   */
  public static Rgb of(String hex) {
    if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
      throw new IllegalArgumentException("hex colour must be #RRGGBB, got " + hex);
    }
    int v = Integer.parseInt(hex.substring(1), 16);
    return new Rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
  }

  /**
   * The i-th colour of the default series cycle (blue, vermillion, green, orange, purple, sky blue,
   * yellow), repeating.
   *
   * @param index 0-based series index, at least 0
   * @return the colour
   */
  public static Rgb cycle(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("colour index must be >= 0, got " + index);
    }
    return CYCLE[index % CYCLE.length];
  }

  /** @return {@code #rrggbb} (lower case) */
  public String hex() {
    return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
  }

  /** @return 0xRRGGBB */
  public int rgb() {
    return (red << 16) | (green << 8) | blue;
  }

  /**
   * This colour composited with opacity {@code alpha} over an opaque background.
   *
   * @param alpha opacity 0..1
   * @param background the background colour
   * @return the blended colour (rounded)
   */
  public Rgb over(double alpha, Rgb background) {
    return new Rgb(
        (int) Math.round(alpha * red + (1 - alpha) * background.red),
        (int) Math.round(alpha * green + (1 - alpha) * background.green),
        (int) Math.round(alpha * blue + (1 - alpha) * background.blue));
  }
}
