package org.cevns.events.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cevns.physics.Process;
import org.cevns.events.block.EventBlock;

/**
 * Writes truth events as a HepMC3 ASCII event vector ({@code HepMC::Asciiv3}, the format of HepMC3's
 * {@code WriterAscii}/{@code ReaderAscii}) following NuHepMC 1.0.0 (Gardiner et al., arXiv:2310.13211;
 * github.com/NuHepMC/Spec). One event per row:
 *
 * <pre>
 * E number 1 4                               (number = event_id; see below beyond 2^31 - 1)
 * U MEV MM
 * W weight                                   (the CV weight: the row's weight)
 * A 0 cevns.event_id event_id                (only when number differs from event_id)
 * A 0 lab_pos x y z t                        (mm; t = time_s, NuHepMC E.C.5)
 * A 0 signal_process_id 150|700|-150
 * P 1 0 nu_pdg px py pz E 0 4                (incoming neutrino, status 4)
 * P 2 0 target_pdg 0 0 0 M M 20              (target at rest, status 20)
 * V -1 1 [1,2] @ x y z ct                    (primary vertex, mm; ct = c·time_ns)
 * P 3 -1 nu_pdg px py pz E 0 1               (outgoing neutrino)
 * P 4 -1 recoil_pdg px py pz E M 1           (recoil nucleus or electron)
 * </pre>
 *
 * The target is the recoiling particle at rest (for EvES the electron, treated as free like the kinematics of
 * the event record). The incoming momentum is the sum of the outgoing ones. Numbers are written in Java's
 * shortest round-trip decimal form, which C's {@code strtod} reads back exactly. Not thread-safe.
 *
 * <p><b>Event numbers.</b> HepMC3's event number is a C {@code int} ({@code GenEvent::event_number}), and NuHepMC
 * E.R.2 requires it non-negative and unique in the vector. An {@code event_id} above 2<sup>31</sup> − 1 (the later
 * shards of a run of more than 2.1e9 events) is written as {@code event_id mod 2^31} with the full id in the event
 * attribute {@code cevns.event_id} (a HepMC3 {@code LongAttribute}); the ids of one vector must then lie within
 * 2<sup>31</sup> of each other, so that the numbers stay unique. Smaller ids are written unchanged and alone.
 */
public final class HepMC3Writer implements AutoCloseable {
  /** NuHepMC process id of CEvNS: 100–199 low-energy nuclear scattering, X50–X99 neutral current. */
  public static final int PROCESS_ID_CEVNS = 150;
  /** NuHepMC process id of neutrino–electron elastic scattering (700–: other process types). */
  public static final int PROCESS_ID_EVES = 700;
  /**
   * NuHepMC process id of dipole-portal upscattering ν A → N A: photon exchange, so negative (electromagnetic, E.C.1),
   * on the nucleus as a whole like CEvNS (100–199).
   */
  public static final int PROCESS_ID_UPSCATTER = -150;
  /** Largest HepMC3 event number (a C {@code int}). */
  static final long MAX_EVENT_NUMBER = Integer.MAX_VALUE;
  /** Event ids beyond {@link #MAX_EVENT_NUMBER} are written modulo this (2^31). */
  private static final long EVENT_NUMBER_MODULUS = MAX_EVENT_NUMBER + 1;
  /** mm per m (HepMC lengths are written in mm). */
  static final double MM_PER_M = 1.0e3;
  /** Speed of light in mm/ns (exact by the SI definition of the metre). */
  static final double C_MM_PER_NS = 299.792458;

  /**
   * The run information (NuHepMC {@code GenRunInfo}).
   *
   * @param version cevns version
   * @param fluxAveragedXsPb flux-averaged total cross section per target atom in pb (NuHepMC G.C.2): expected
   *     events = σ̄ × Σ (target atoms × fluence)
   * @param protonsOnTarget exposure in protons on target (NuHepMC G.C.1), NaN if not a single beam exposure
   * @param liveSeconds exposure in live seconds (G.C.1), NaN if not a single steady exposure
   * @param provenance extra {@code NuHepMC.Provenance.cevns.*} attributes (key suffix → value)
   * @param upscatter whether the run has the process {@link Process#UPSCATTER} (declared in the run information
   *     only then; CEvNS and EvES always are)
   */
  public record RunInfo(String version, double fluxAveragedXsPb, double protonsOnTarget, double liveSeconds,
      Map<String, String> provenance, boolean upscatter) {
    public RunInfo {
      Objects.requireNonNull(version, "version");
      provenance = Map.copyOf(provenance);
    }
  }

  private final Writer out;
  private final StringBuilder sb = new StringBuilder(1 << 16);
  private final boolean upscatter;
  private long events;
  private long minEventId = Long.MAX_VALUE;
  private long maxEventId = Long.MIN_VALUE;

  /** Starts the vector on {@code out}: header and run information. */
  public HepMC3Writer(Writer out, RunInfo run) throws IOException {
    this.out = Objects.requireNonNull(out, "out");
    this.upscatter = run.upscatter();
    sb.append("HepMC::Version 3.03.00\n");
    sb.append("HepMC::Asciiv3-START_EVENT_LISTING\n");
    sb.append("W CV\n");
    sb.append("T cevns\\|").append(escape(run.version())).append("\\|CEvNS and neutrino-electron elastic"
        + " scattering event generator\n");
    attribute("NuHepMC.Version.Major", "1");
    attribute("NuHepMC.Version.Minor", "0");
    attribute("NuHepMC.Version.Patch", "0");
    boolean pot = Double.isFinite(run.protonsOnTarget());
    boolean live = Double.isFinite(run.liveSeconds());
    attribute("NuHepMC.Conventions", "G.C.2 E.C.1 E.C.5" + (pot || live ? " G.C.1" : ""));
    attribute("NuHepMC.FluxAveragedTotalCrossSection", number(run.fluxAveragedXsPb()));
    attribute("NuHepMC.Units.CrossSection.Unit", "pb");
    attribute("NuHepMC.Units.CrossSection.TargetScale", "PerAtom");
    if (pot) {
      attribute("NuHepMC.Exposure.POT", number(run.protonsOnTarget()));
    }
    if (live) {
      attribute("NuHepMC.Exposure.Livetime", number(run.liveSeconds()));
    }
    attribute("NuHepMC.ProcessIDs", PROCESS_ID_CEVNS + " " + PROCESS_ID_EVES
        + (upscatter ? " " + PROCESS_ID_UPSCATTER : ""));
    attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_CEVNS + "].Name", "CEvNS");
    attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_CEVNS + "].Description",
        "coherent elastic neutrino-nucleus scattering (neutral current)");
    attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_EVES + "].Name", "EvES");
    attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_EVES + "].Description",
        "elastic neutrino-electron scattering (neutral current, plus charged current for electron flavours)");
    if (upscatter) {
      attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_UPSCATTER + "].Name", "Upscatter");
      attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_UPSCATTER + "].Description", "sterile-neutrino upscattering"
          + " nu A -> N A through a transition magnetic moment (dipole portal, photon exchange); the outgoing N is"
          + " written with the incoming neutrino's PDG code and its mass (the event record's kinematics put it on"
          + " its mass shell), and its decay is not simulated");
    }
    attribute("NuHepMC.VertexStatusIDs", "1");
    attribute("NuHepMC.VertexStatusInfo[1].Name", "PrimaryVertex");
    attribute("NuHepMC.VertexStatusInfo[1].Description", "The neutrino elastic-scattering vertex");
    attribute("NuHepMC.ParticleStatusIDs", "1 4 20");
    attribute("NuHepMC.ParticleStatusInfo[1].Name", "UndecayedPhysical");
    attribute("NuHepMC.ParticleStatusInfo[1].Description", "Outgoing neutrino and recoil");
    attribute("NuHepMC.ParticleStatusInfo[4].Name", "IncomingBeam");
    attribute("NuHepMC.ParticleStatusInfo[4].Description", "Incoming neutrino");
    attribute("NuHepMC.ParticleStatusInfo[20].Name", "Target");
    attribute("NuHepMC.ParticleStatusInfo[20].Description", "Target nucleus or electron at rest");
    attribute("NuHepMC.AdditionalParticleNumbers", "");
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(run.provenance()).entrySet()) {
      attribute("NuHepMC.Provenance.cevns." + e.getKey(), e.getValue());
    }
    flush();
  }

  private void attribute(String name, String value) {
    sb.append("A ").append(name).append(' ').append(escape(value)).append('\n');
  }

  /** HepMC3 ASCII escaping of attribute strings: backslash doubled, newline as {@code \|}. */
  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\|");
  }

  private static String number(double v) {
    return Double.toString(v);
  }

  /**
   * Writes rows {@code [0, block.size())}.
   *
   * @param processes process of each row's {@link EventBlock#process} code
   * @throws IllegalArgumentException for a row without a neutrino (PDG code 0) or with a non-finite value, of
   *     upscattering not declared in
   *     the {@link RunInfo}, or whose event id is 2^31 or more away from another of the vector's
   */
  public void write(EventBlock b, List<Process> processes) throws IOException {
    for (int i = 0; i < b.size(); i++) {
      if (b.nuPdg[i] == 0 || b.recoilPdg[i] == 0) {
        throw new IllegalArgumentException("event " + b.eventId[i] + " has no neutrino interaction (nu_pdg "
            + b.nuPdg[i] + ", recoil_pdg " + b.recoilPdg[i] + "): only truth events convert to HepMC3");
      }
      String bad = nonFinite(b, i);
      if (bad != null) {
        throw new IllegalArgumentException("event " + b.eventId[i] + ": column " + bad + " is NaN or infinite"
            + " (a file rewritten by another tool?): HepMC3 needs finite kinematics");
      }
      double mass = b.recoilEMeV[i] - b.recoilKeV[i] / org.cevns.physics.constants.Units.KEV_PER_MEV;
      double x = b.vertexXM[i] * MM_PER_M;
      double y = b.vertexYM[i] * MM_PER_M;
      double z = b.vertexZM[i] * MM_PER_M;
      int process = processId(processes.get(b.process[i]), b.eventId[i]);
      long number = eventNumber(b.eventId[i]);
      double pxIn = b.nuOutPxMeV[i] + b.recoilPxMeV[i];
      double pyIn = b.nuOutPyMeV[i] + b.recoilPyMeV[i];
      double pzIn = b.nuOutPzMeV[i] + b.recoilPzMeV[i];
      sb.append("E ").append(number).append(" 1 4\n");
      sb.append("U MEV MM\n");
      sb.append("W ").append(number(b.weight[i])).append('\n');
      if (number != b.eventId[i]) {
        sb.append("A 0 cevns.event_id ").append(b.eventId[i]).append('\n');
      }
      sb.append("A 0 lab_pos ").append(number(x)).append(' ').append(number(y)).append(' ').append(number(z))
          .append(' ').append(number(b.timeS[i])).append('\n');
      sb.append("A 0 signal_process_id ").append(process).append('\n');
      particle(1, 0, b.nuPdg[i], pxIn, pyIn, pzIn, b.enuMeV[i], 0.0, 4);
      particle(2, 0, b.recoilPdg[i], 0.0, 0.0, 0.0, mass, mass, 20);
      sb.append("V -1 1 [1,2] @ ").append(number(x)).append(' ').append(number(y)).append(' ').append(number(z))
          .append(' ').append(number(b.timeNs[i] * C_MM_PER_NS)).append('\n');
      particle(3, -1, b.nuPdg[i], b.nuOutPxMeV[i], b.nuOutPyMeV[i], b.nuOutPzMeV[i], b.nuOutEMeV[i],
          outgoingMass(b, i, processes.get(b.process[i])), 1);
      particle(4, -1, b.recoilPdg[i], b.recoilPxMeV[i], b.recoilPyMeV[i], b.recoilPzMeV[i], b.recoilEMeV[i], mass,
          1);
      events++;
      if (sb.length() > (1 << 16)) {
        flush();
      }
    }
  }

  /**
   * The generated mass of row i's outgoing lepton: the sterile neutrino's (√(E² − p²) of the event record, which
   * puts it on its mass shell) for upscattering, 0 for a neutrino.
   */
  private static double outgoingMass(EventBlock b, int i, Process p) {
    if (p != Process.UPSCATTER) {
      return 0.0;
    }
    double px = b.nuOutPxMeV[i];
    double py = b.nuOutPyMeV[i];
    double pz = b.nuOutPzMeV[i];
    double e = b.nuOutEMeV[i];
    return Math.sqrt(Math.max(0.0, e * e - px * px - py * py - pz * pz));
  }

  private int processId(Process p, long eventId) {
    return switch (p) {
      case CEVNS -> PROCESS_ID_CEVNS;
      case EVES -> PROCESS_ID_EVES;
      case UPSCATTER -> {
        if (!upscatter) {
          throw new IllegalArgumentException("event " + eventId + " is upscatter, a process its run information does"
              + " not declare (no expected upscatter events in the metadata)");
        }
        yield PROCESS_ID_UPSCATTER;
      }
    };
  }

  /** The HepMC3 event number of {@code eventId}: itself up to 2^31 - 1, else modulo 2^31 (class comment). */
  private long eventNumber(long eventId) {
    if (eventId < 0) {
      throw new IllegalArgumentException("event_id " + eventId + " is negative (NuHepMC E.R.2)");
    }
    minEventId = Math.min(minEventId, eventId);
    maxEventId = Math.max(maxEventId, eventId);
    if (maxEventId - minEventId > MAX_EVENT_NUMBER) {
      throw new IllegalArgumentException("event ids " + minEventId + " and " + maxEventId + " are 2^31 or more apart:"
          + " their HepMC3 event numbers (a C int) would not be unique in one file; convert the shards one by one");
    }
    return eventId <= MAX_EVENT_NUMBER ? eventId : eventId % EVENT_NUMBER_MODULUS;
  }

  private void particle(int id, int vertex, int pdg, double px, double py, double pz, double e, double m,
      int status) {
    sb.append("P ").append(id).append(' ').append(vertex).append(' ').append(pdg).append(' ').append(number(px))
        .append(' ').append(number(py)).append(' ').append(number(pz)).append(' ').append(number(e)).append(' ')
        .append(number(m)).append(' ').append(status).append('\n');
  }

  /** The first column of row {@code i} that HepMC3 writes and that is not finite, or null. */
  private static String nonFinite(EventBlock b, int i) {
    double[] values = {b.enuMeV[i], b.recoilKeV[i], b.weight[i], b.timeNs[i], b.timeS[i], b.vertexXM[i],
        b.vertexYM[i], b.vertexZM[i], b.nuOutPxMeV[i], b.nuOutPyMeV[i], b.nuOutPzMeV[i], b.nuOutEMeV[i],
        b.recoilPxMeV[i], b.recoilPyMeV[i], b.recoilPzMeV[i], b.recoilEMeV[i]};
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        return FINITE_COLUMNS[k];
      }
    }
    return null;
  }

  /** The columns {@link #nonFinite} checks, in its order. */
  private static final String[] FINITE_COLUMNS = {TruthColumns.ENU_MEV, TruthColumns.RECOIL_KEV, TruthColumns.WEIGHT,
      TruthColumns.TIME_NS, TruthColumns.TIME_S, TruthColumns.VERTEX_X_M, TruthColumns.VERTEX_Y_M,
      TruthColumns.VERTEX_Z_M, TruthColumns.NU_OUT_PX_MEV, TruthColumns.NU_OUT_PY_MEV, TruthColumns.NU_OUT_PZ_MEV,
      TruthColumns.NU_OUT_E_MEV, TruthColumns.RECOIL_PX_MEV, TruthColumns.RECOIL_PY_MEV, TruthColumns.RECOIL_PZ_MEV,
      TruthColumns.RECOIL_E_MEV};

  private void flush() throws IOException {
    out.write(sb.toString());
    sb.setLength(0);
  }

  /** Events written. */
  public long events() {
    return events;
  }

  /** Ends the listing and flushes; does not close the underlying writer. */
  @Override
  public void close() throws IOException {
    sb.append("HepMC::Asciiv3-END_EVENT_LISTING\n\n");
    flush();
    out.flush();
  }
}
