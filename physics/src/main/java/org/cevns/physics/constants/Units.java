package org.cevns.physics.constants;

/**
 * Unit conversions. cevns works internally in MeV (energies), ns (times), cm (cross sections, fluences),
 * kg (masses) and m (distances); every conversion goes through one of these named factors.
 */
public final class Units {
  private Units() {}

  /** keV per MeV. */
  public static final double KEV_PER_MEV = 1.0e3;
  /** eV per keV. */
  public static final double EV_PER_KEV = 1.0e3;
  /** eV per MeV. */
  public static final double EV_PER_MEV = 1.0e6;
  /** MeV per GeV. */
  public static final double MEV_PER_GEV = 1.0e3;
  /** ns per s. */
  public static final double NS_PER_S = 1.0e9;
  /** ns per µs. */
  public static final double NS_PER_US = 1.0e3;
  /** ns per ms. */
  public static final double NS_PER_MS = 1.0e6;
  /** s per hour. */
  public static final double S_PER_HOUR = 3600.0;
  /** s per day (86400). */
  public static final double S_PER_DAY = 86400.0;
  /** days per Julian year (365.25), the year used for every "per year" exposure. */
  public static final double DAYS_PER_YEAR = 365.25;
  /** cm per m. */
  public static final double CM_PER_M = 100.0;
  /** fm per cm. */
  public static final double FM_PER_CM = 1.0e13;
  /** g per kg. */
  public static final double G_PER_KG = 1.0e3;
  /** Joule per eV (exact, SI 2019). */
  public static final double J_PER_EV = 1.602176634e-19;
  /** W per MW. */
  public static final double W_PER_MW = 1.0e6;
  /** Wh per GWh. */
  public static final double WH_PER_GWH = 1.0e9;
  /** J per Wh. */
  public static final double J_PER_WH = S_PER_HOUR;
}
