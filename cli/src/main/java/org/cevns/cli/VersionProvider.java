package org.cevns.cli;

import org.cevns.events.CevnsVersion;
import picocli.CommandLine;

/** Prints the cevns version from the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"cevns " + CevnsVersion.get(), "git commit " + CevnsVersion.commit()
        + (CevnsVersion.dirty() ? " (with uncommitted changes)" : ""), "Java " + System.getProperty("java.version")};
  }
}
