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
 * E event_id 1 4
 * U MEV MM
 * W weight                                   (the CV weight: the row's weight)
 * A 0 lab_pos x y z t                        (mm; t = time_s, NuHepMC E.C.5)
 * A 0 signal_process_id 150|700
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
 */
public final class HepMC3Writer implements AutoCloseable {
  /** NuHepMC process id of CEvNS: 100–199 low-energy nuclear scattering, X50–X99 neutral current. */
  public static final int PROCESS_ID_CEVNS = 150;
  /** NuHepMC process id of neutrino–electron elastic scattering (700–: other process types). */
  public static final int PROCESS_ID_EVES = 700;
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
   */
  public record RunInfo(String version, double fluxAveragedXsPb, double protonsOnTarget, double liveSeconds,
      Map<String, String> provenance) {
    public RunInfo {
      Objects.requireNonNull(version, "version");
      provenance = Map.copyOf(provenance);
    }
  }

  private final Writer out;
  private final StringBuilder sb = new StringBuilder(1 << 16);
  private long events;

  /** Starts the vector on {@code out}: header and run information. */
  public HepMC3Writer(Writer out, RunInfo run) throws IOException {
    this.out = Objects.requireNonNull(out, "out");
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
    attribute("NuHepMC.ProcessIDs", PROCESS_ID_CEVNS + " " + PROCESS_ID_EVES);
    attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_CEVNS + "].Name", "CEvNS");
    attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_CEVNS + "].Description",
        "coherent elastic neutrino-nucleus scattering (neutral current)");
    attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_EVES + "].Name", "EvES");
    attribute("NuHepMC.ProcessInfo[" + PROCESS_ID_EVES + "].Description",
        "elastic neutrino-electron scattering (neutral current, plus charged current for electron flavours)");
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
   * @throws IllegalArgumentException for a row without a neutrino (PDG code 0)
   */
  public void write(EventBlock b, List<Process> processes) throws IOException {
    for (int i = 0; i < b.size(); i++) {
      if (b.nuPdg[i] == 0 || b.recoilPdg[i] == 0) {
        throw new IllegalArgumentException("event " + b.eventId[i] + " has no neutrino interaction (nu_pdg "
            + b.nuPdg[i] + ", recoil_pdg " + b.recoilPdg[i] + "): only truth events convert to HepMC3");
      }
      double mass = b.recoilEMeV[i] - b.recoilKeV[i] / org.cevns.physics.constants.Units.KEV_PER_MEV;
      double x = b.vertexXM[i] * MM_PER_M;
      double y = b.vertexYM[i] * MM_PER_M;
      double z = b.vertexZM[i] * MM_PER_M;
      int process = processes.get(b.process[i]) == Process.CEVNS ? PROCESS_ID_CEVNS : PROCESS_ID_EVES;
      double pxIn = b.nuOutPxMeV[i] + b.recoilPxMeV[i];
      double pyIn = b.nuOutPyMeV[i] + b.recoilPyMeV[i];
      double pzIn = b.nuOutPzMeV[i] + b.recoilPzMeV[i];
      sb.append("E ").append(b.eventId[i]).append(" 1 4\n");
      sb.append("U MEV MM\n");
      sb.append("W ").append(number(b.weight[i])).append('\n');
      sb.append("A 0 lab_pos ").append(number(x)).append(' ').append(number(y)).append(' ').append(number(z))
          .append(' ').append(number(b.timeS[i])).append('\n');
      sb.append("A 0 signal_process_id ").append(process).append('\n');
      particle(1, 0, b.nuPdg[i], pxIn, pyIn, pzIn, b.enuMeV[i], 0.0, 4);
      particle(2, 0, b.recoilPdg[i], 0.0, 0.0, 0.0, mass, mass, 20);
      sb.append("V -1 1 [1,2] @ ").append(number(x)).append(' ').append(number(y)).append(' ').append(number(z))
          .append(' ').append(number(b.timeNs[i] * C_MM_PER_NS)).append('\n');
      particle(3, -1, b.nuPdg[i], b.nuOutPxMeV[i], b.nuOutPyMeV[i], b.nuOutPzMeV[i], b.nuOutEMeV[i], 0.0, 1);
      particle(4, -1, b.recoilPdg[i], b.recoilPxMeV[i], b.recoilPyMeV[i], b.recoilPzMeV[i], b.recoilEMeV[i], mass,
          1);
      events++;
      if (sb.length() > (1 << 16)) {
        flush();
      }
    }
  }

  private void particle(int id, int vertex, int pdg, double px, double py, double pz, double e, double m,
      int status) {
    sb.append("P ").append(id).append(' ').append(vertex).append(' ').append(pdg).append(' ').append(number(px))
        .append(' ').append(number(py)).append(' ').append(number(pz)).append(' ').append(number(e)).append(' ')
        .append(number(m)).append(' ').append(status).append('\n');
  }

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
