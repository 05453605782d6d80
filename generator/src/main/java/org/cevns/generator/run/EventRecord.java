package org.cevns.generator.run;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.schema.GeometryConfig;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.physics.constants.Units;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.SourceExposure;

/**
 * The event-record columns of a block (PDG codes, four-momenta, vertex, pulse index, time since the run start),
 * computed from the rows' (E, T) and the detector's {@link GeometryConfig}.
 *
 * <p><b>Kinematics.</b> A massless neutrino of energy E along the unit vector d scatters elastically on a target
 * of mass M at rest (nucleus for CEvNS, free electron for EvES); for recoil kinetic energy T the recoil momentum
 * is p = √(T² + 2MT) at cos θ = (E + M) T / (E p) to d, with an azimuth φ uniform in [0, 2π); the outgoing
 * neutrino carries E − T and E d − p, so four-momentum is conserved exactly. EvES uses the free-electron
 * kinematics (the binding of the stepping approximation only removes phase space, see docs/physics.md).
 *
 * <p><b>Directions.</b> Point sources: d = (position_m + vertex)/|…| (detector centre relative to the source,
 * default +z). Other sources: isotropic, or {@code solar}: the Sun's direction at a uniformly drawn instant of
 * a year (declination δ with sin δ = sin ε sin 2πu, hour angle uniform) at the configured latitude, in the
 * local frame x = east, y = north, z = up; the 3.3 % annual flux modulation from the orbit's eccentricity is
 * not applied.
 *
 * <p><b>Randomness.</b> Called after all other columns of the block are filled, drawing from the same block
 * stream, so the other columns do not change and the output does not depend on the thread count.
 */
public final class EventRecord {
  /** PDG code of a nucleus: 10LZZZAAAI with L = I = 0 (PDG Monte Carlo numbering scheme, rule 16). */
  private static final int PDG_NUCLEUS_BASE = 1_000_000_000;
  private static final int PDG_Z_FACTOR = 10_000;
  private static final int PDG_A_FACTOR = 10;
  /** PDG code of the electron. */
  static final int PDG_ELECTRON = 11;
  private static final double TWO_PI = 2 * Math.PI;

  /** Per-channel constants. */
  /** {@code outMassMeV}: the outgoing lepton's mass (the sterile neutrino of upscattering; 0 otherwise). */
  private record ChannelInfo(int nuPdg, int recoilPdg, double recoilMassMeV, double outMassMeV,
      double[] sourceToDetectorM, int directionMode, double latitudeRad, double repetitionHz, long pulses) {}

  private static final int FIXED = 0;
  private static final int ISOTROPIC = 1;
  private static final int SOLAR = 2;

  private final ChannelInfo[] channels;
  /** Per detector: the vertex volume. */
  private final GeometryConfig.Volume[] volumes;
  /** Per (detector, period): pulses and repetition rate for background rows; pulses 0 when steady. */
  private final long[][] pulsesByDetectorPeriod;
  private final double[][] repetitionByDetectorPeriod;

  private EventRecord(ChannelInfo[] channels, GeometryConfig.Volume[] volumes, long[][] pulses, double[][] rep) {
    this.channels = channels;
    this.volumes = volumes;
    this.pulsesByDetectorPeriod = pulses;
    this.repetitionByDetectorPeriod = rep;
  }

  /**
   * The record of rows added after generation (detsim backgrounds appended to a truth file): vertex, pulse index
   * and time of {@code model}'s detectors and periods, no neutrino or recoil particle.
   */
  public static EventRecord forExtraRows(ExperimentModel model) {
    return of(model, List.of());
  }

  static EventRecord of(ExperimentModel model, List<Channel> live) {
    int detectors = model.detectors().size();
    int periods = model.dictionary().periods().size();
    long[][] pulses = new long[detectors][periods];
    double[][] rep = new double[detectors][periods];
    for (int x = 0; x < model.exposures().size(); x++) {
      SourceExposure e = model.exposures().get(x);
      double hz = model.pulseRepetitionHz(x);
      int p = model.dictionary().periods().indexOf(e.period());
      if (hz > 0 && p >= 0 && pulses[e.detectorIndex()][p] == 0) {
        pulses[e.detectorIndex()][p] = pulseCount(e.liveSeconds(), hz);
        rep[e.detectorIndex()][p] = hz;
      }
    }
    GeometryConfig.Volume[] volumes = new GeometryConfig.Volume[detectors];
    for (int d = 0; d < detectors; d++) {
      volumes[d] = model.config().detectors().get(d).geometry().volume();
    }
    ChannelInfo[] infos = new ChannelInfo[live.size()];
    for (int c = 0; c < live.size(); c++) {
      Channel ch = live.get(c);
      SourceExposure e = model.exposures().get(ch.exposureIndex());
      GeometryConfig g = model.config().detectors().get(ch.detectorIndex()).geometry();
      boolean point = model.config().sources().get(e.sourceIndex()).pointSource();
      int mode;
      double[] position = null;
      if (point) {
        mode = FIXED;
        position = g.positionM().map(p -> new double[] {p.get(0), p.get(1), p.get(2)})
            .orElse(new double[] {0, 0, e.distanceM()});
      } else if (g.direction() == GeometryConfig.Direction.SOLAR || (g.direction() == GeometryConfig.Direction.AUTO
          && g.latitudeDeg().isPresent() && isSolar(model, e))) {
        mode = SOLAR;
      } else {
        mode = ISOTROPIC;
      }
      double hz = model.pulseRepetitionHz(ch.exposureIndex());
      boolean eves = ch.process() == Process.EVES;
      double outMassMeV = ch.process() == Process.UPSCATTER
          ? model.config().physics().newPhysics().sterile().map(x -> x.massMeV()).orElse(0.0) : 0.0;
      infos[c] = new ChannelInfo(nuPdg(ch.component().flavor()),
          eves ? PDG_ELECTRON : nucleusPdg(ch.isotope().z(), ch.isotope().a()),
          eves ? PhysicalConstants.ELECTRON_MASS_MEV : ch.isotope().nuclearMassMeV(), outMassMeV, position, mode,
          Math.toRadians(g.latitudeDeg().orElse(0)), hz, hz > 0 ? pulseCount(e.liveSeconds(), hz) : 0);
    }
    return new EventRecord(infos, volumes, pulses, rep);
  }

  private static boolean isSolar(ExperimentModel model, SourceExposure e) {
    org.cevns.schema.SourceType t = model.config().sources().get(e.sourceIndex()).type();
    return t == org.cevns.schema.SourceType.SOLAR_8B || t == org.cevns.schema.SourceType.SOLAR;
  }

  /** Pulses in {@code liveSeconds} of beam at {@code hz}: the rounded product, at least 1. */
  static long pulseCount(double liveSeconds, double hz) {
    double n = Math.rint(liveSeconds * hz);
    return n >= 1 ? (n < Long.MAX_VALUE ? (long) n : Long.MAX_VALUE) : 1;
  }

  /** PDG code of a neutrino flavour (PDG Monte Carlo numbering scheme: ν_e 12, ν_μ 14, ν_τ 16, antiparticles negative). */
  static int nuPdg(Flavor f) {
    int code = switch (f) {
      case NUE, NUEBAR -> 12;
      case NUMU, NUMUBAR -> 14;
      case NUTAU, NUTAUBAR -> 16;
    };
    return f.isAnti() ? -code : code;
  }

  /** PDG code 100ZZZAAA0 of the nucleus (Z, A). */
  static int nucleusPdg(int z, int a) {
    return PDG_NUCLEUS_BASE + z * PDG_Z_FACTOR + a * PDG_A_FACTOR;
  }

  /**
   * Fills the event-record columns of signal rows [row, row + count) of channel {@code c}. A point source seen from
   * a detector without a vertex volume gives every row the same direction, so the direction and the basis
   * perpendicular to it are computed once per call, by the same operations as per row: the same bits.
   */
  void fillSignal(int c, EventBlock b, int row, int count, UniformRandomProvider rng) {
    ChannelInfo info = channels[c];
    GeometryConfig.Volume volume = volumes[b.detector[row]];
    // every vertex at the detector centre: said positively, so that a new kind of volume is not taken for a point
    if (info.directionMode == FIXED && volume instanceof GeometryConfig.Point) {
      fillSameDirection(info, b, row, row + count, rng);
    } else {
      fillEachDirection(info, volume, b, row, row + count, rng);
    }
  }

  /**
   * Rows with the vertex at the detector centre and a point source: per row the azimuth, then the pulse (the
   * draws of the general loop, which draws nothing for such a vertex and direction).
   */
  private static void fillSameDirection(ChannelInfo info, EventBlock b, int row, int end, UniformRandomProvider rng) {
    Arrays.fill(b.vertexXM, row, end, 0.0);
    Arrays.fill(b.vertexYM, row, end, 0.0);
    Arrays.fill(b.vertexZM, row, end, 0.0);
    double[] d = new double[3];
    fixedDirection(info, b, row, d);
    double[] uv = new double[6];
    perpendicular(d, uv);
    double[] p = new double[3];
    for (int i = row; i < end; i++) {
      momenta(info, b, i, d, uv, TWO_PI * rng.nextDouble(), p);
      time(info.pulses, info.repetitionHz, rng, b, i);
    }
    Arrays.fill(b.nuPdg, row, end, info.nuPdg);
    Arrays.fill(b.recoilPdg, row, end, info.recoilPdg);
  }

  /** Rows whose direction is drawn or computed per row: vertex, direction, azimuth, pulse, in this order. */
  private static void fillEachDirection(ChannelInfo info, GeometryConfig.Volume volume, EventBlock b, int row,
      int end, UniformRandomProvider rng) {
    double[] d = new double[3];
    double[] uv = new double[6];
    double[] p = new double[3];
    for (int i = row; i < end; i++) {
      vertex(volume, rng, b, i);
      switch (info.directionMode) {
        case FIXED -> fixedDirection(info, b, i, d);
        case ISOTROPIC -> isotropic(rng, d);
        default -> solar(rng, info.latitudeRad, d);
      }
      perpendicular(d, uv);
      momenta(info, b, i, d, uv, TWO_PI * rng.nextDouble(), p);
      b.nuPdg[i] = info.nuPdg;
      b.recoilPdg[i] = info.recoilPdg;
      time(info.pulses, info.repetitionHz, rng, b, i);
    }
  }

  /** Unit vector from the source to the vertex of row i. */
  private static void fixedDirection(ChannelInfo info, EventBlock b, int i, double[] d) {
    double[] s = info.sourceToDetectorM;
    d[0] = s[0] + b.vertexXM[i];
    d[1] = s[1] + b.vertexYM[i];
    d[2] = s[2] + b.vertexZM[i];
    double n = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    d[0] /= n;
    d[1] /= n;
    d[2] /= n;
  }

  /** Recoil and outgoing-neutrino four-momenta of row i for direction d (basis uv) and azimuth phi. */
  private static void momenta(ChannelInfo info, EventBlock b, int i, double[] d, double[] uv, double phi,
      double[] p) {
    double eMeV = b.enuMeV[i];
    double tMeV = b.recoilKeV[i] / Units.KEV_PER_MEV;
    recoilMomentum(eMeV, tMeV, info.recoilMassMeV, info.outMassMeV, d, uv, phi, p);
    b.recoilPxMeV[i] = p[0];
    b.recoilPyMeV[i] = p[1];
    b.recoilPzMeV[i] = p[2];
    b.recoilEMeV[i] = info.recoilMassMeV + tMeV;
    b.nuOutPxMeV[i] = eMeV * d[0] - p[0];
    b.nuOutPyMeV[i] = eMeV * d[1] - p[1];
    b.nuOutPzMeV[i] = eMeV * d[2] - p[2];
    b.nuOutEMeV[i] = eMeV - tMeV;
  }

  /**
   * Fills the record columns of rows of extra channels (detsim backgrounds): no neutrino, no recoil particle, a
   * vertex and the time; reads each row's detector, period and {@code timeNs}, which must be set already.
   */
  public void fillExtra(EventBlock b, int row, int count, UniformRandomProvider rng) {
    for (int i = row; i < row + count; i++) {
      vertex(volumes[b.detector[i]], rng, b, i);
      b.nuPdg[i] = 0;
      b.recoilPdg[i] = 0;
      b.nuOutPxMeV[i] = Double.NaN;
      b.nuOutPyMeV[i] = Double.NaN;
      b.nuOutPzMeV[i] = Double.NaN;
      b.nuOutEMeV[i] = Double.NaN;
      b.recoilPxMeV[i] = Double.NaN;
      b.recoilPyMeV[i] = Double.NaN;
      b.recoilPzMeV[i] = Double.NaN;
      b.recoilEMeV[i] = Double.NaN;
      int d = b.detector[i];
      int p = b.period[i];
      time(pulsesByDetectorPeriod[d][p], repetitionByDetectorPeriod[d][p], rng, b, i);
    }
  }

  private static void time(long pulses, double hz, UniformRandomProvider rng, EventBlock b, int i) {
    if (pulses > 0) {
      long k = rng.nextLong(pulses);
      b.pulseIndex[i] = k;
      b.timeS[i] = k / hz + b.timeNs[i] / Units.NS_PER_S;
    } else {
      b.pulseIndex[i] = EventBlock.NO_PULSE;
      b.timeS[i] = b.timeNs[i] / Units.NS_PER_S;
    }
  }

  private static void vertex(GeometryConfig.Volume v, UniformRandomProvider rng, EventBlock b, int i) {
    if (v instanceof GeometryConfig.Box box) {
      b.vertexXM[i] = (rng.nextDouble() - 0.5) * box.xM();
      b.vertexYM[i] = (rng.nextDouble() - 0.5) * box.yM();
      b.vertexZM[i] = (rng.nextDouble() - 0.5) * box.zM();
    } else if (v instanceof GeometryConfig.Cylinder cyl) {
      double r = cyl.radiusM() * Math.sqrt(rng.nextDouble());
      double phi = TWO_PI * rng.nextDouble();
      b.vertexXM[i] = r * Math.cos(phi);
      b.vertexYM[i] = r * Math.sin(phi);
      b.vertexZM[i] = (rng.nextDouble() - 0.5) * cyl.heightM();
    } else {
      b.vertexXM[i] = 0;
      b.vertexYM[i] = 0;
      b.vertexZM[i] = 0;
    }
  }

  /** A unit vector uniform on the sphere. */
  static void isotropic(UniformRandomProvider rng, double[] d) {
    double z = 2 * rng.nextDouble() - 1;
    double phi = TWO_PI * rng.nextDouble();
    double s = Math.sqrt(Math.max(0, 1 - z * z));
    d[0] = s * Math.cos(phi);
    d[1] = s * Math.sin(phi);
    d[2] = z;
  }

  /** Direction of travel of solar neutrinos (−the Sun's direction) at a uniform instant of a year, east-north-up. */
  static void solar(UniformRandomProvider rng, double latitudeRad, double[] d) {
    double sinDec = Math.sin(Math.toRadians(PhysicalConstants.OBLIQUITY_OF_ECLIPTIC_DEG))
        * Math.sin(TWO_PI * rng.nextDouble());
    double cosDec = Math.sqrt(1 - sinDec * sinDec);
    double h = TWO_PI * rng.nextDouble();
    double sinLat = Math.sin(latitudeRad);
    double cosLat = Math.cos(latitudeRad);
    d[0] = cosDec * Math.sin(h);
    d[1] = -(cosLat * sinDec - sinLat * cosDec * Math.cos(h));
    d[2] = -(sinLat * sinDec + cosLat * cosDec * Math.cos(h));
  }

  /**
   * Recoil momentum (MeV) for a neutrino of energy {@code eMeV} along unit vector {@code d} giving kinetic energy
   * {@code tMeV} to a target of mass {@code massMeV} at rest, at azimuth {@code phi} about d.
   */
  static void recoilMomentum(double eMeV, double tMeV, double massMeV, double[] d, double phi, double[] out) {
    recoilMomentum(eMeV, tMeV, massMeV, 0.0, d, phi, out);
  }

  /** As above for an outgoing lepton of mass {@code outMassMeV} (upscattering ν A → N A). */
  static void recoilMomentum(double eMeV, double tMeV, double massMeV, double outMassMeV, double[] d, double phi,
      double[] out) {
    double[] uv = new double[6];
    perpendicular(d, uv);
    recoilMomentum(eMeV, tMeV, massMeV, outMassMeV, d, uv, phi, out);
  }

  /** Orthonormal u = {@code uv[0..2]} and v = {@code uv[3..5]} = d × u perpendicular to the unit vector d. */
  static void perpendicular(double[] d, double[] uv) {
    double ux;
    double uy;
    double uz;
    if (Math.abs(d[2]) < 0.9) {
      double n = Math.sqrt(d[0] * d[0] + d[1] * d[1]);
      ux = -d[1] / n;
      uy = d[0] / n;
      uz = 0;
    } else {
      double n = Math.sqrt(d[1] * d[1] + d[2] * d[2]);
      ux = 0;
      uy = -d[2] / n;
      uz = d[1] / n;
    }
    uv[0] = ux;
    uv[1] = uy;
    uv[2] = uz;
    uv[3] = d[1] * uz - d[2] * uy;
    uv[4] = d[2] * ux - d[0] * uz;
    uv[5] = d[0] * uy - d[1] * ux;
  }

  /** As above, with the basis {@code uv} of {@link #perpendicular} for {@code d}. */
  static void recoilMomentum(double eMeV, double tMeV, double massMeV, double outMassMeV, double[] d, double[] uv,
      double phi, double[] out) {
    double p = Math.sqrt(tMeV * tMeV + 2 * massMeV * tMeV);
    // |E d − p|² = (E − T)² − m_out² fixes the angle: cos θ = ((E + M) T + m_out²/2) / (E p)
    double cos = p > 0 ? Math.min(1.0, ((eMeV + massMeV) * tMeV + 0.5 * outMassMeV * outMassMeV) / (eMeV * p))
        : 1.0;
    double sin = Math.sqrt(Math.max(0, 1 - cos * cos));
    double c = Math.cos(phi);
    double s = Math.sin(phi);
    out[0] = p * (cos * d[0] + sin * (c * uv[0] + s * uv[3]));
    out[1] = p * (cos * d[1] + sin * (c * uv[1] + s * uv[4]));
    out[2] = p * (cos * d[2] + sin * (c * uv[2] + s * uv[5]));
  }
}
