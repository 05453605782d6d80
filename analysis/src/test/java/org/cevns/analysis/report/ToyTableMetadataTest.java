package org.cevns.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.cevns.analysis.sim.ToyJob;
import org.cevns.analysis.stat.ToyStudy;
import org.cevns.events.CevnsVersion;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A toy table's footer says which build and inputs made it, as an event file's does (regression: it had neither the
 * git commit nor the configuration's hash, and parquet-java's example writer named its object model "example").
 */
class ToyTableMetadataTest {
  @TempDir Path tmp;

  @Test
  void theFooterCarriesTheCommitAndTheConfigurationHashAndNoForeignModelName() throws Exception {
    String yaml = "name: t\n";
    Path file = tmp.resolve("part-00000.parquet");
    ToyStudy.Row row = new ToyStudy.Row(0, 1, 1.5, 0.1, 1.4, 1.6, true, 4, 2, true, new double[0], List.of(),
        new double[0]);
    ToyTable.write(file.toString(), ToyStudy.FIXED_COLUMNS, List.of(row),
        ToyJob.metadata(yaml, 7, 1, 0, 1, Optional.empty()));
    Configuration conf = HadoopFiles.configuration();
    Map<String, String> kv;
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), conf))) {
      kv = r.getFooter().getFileMetaData().getKeyValueMetaData();
    }
    assertEquals(CevnsVersion.commit(), kv.get("cevns.git_commit"));
    assertEquals(Provenance.sha256(yaml), kv.get("cevns.config_sha256"));
    assertEquals("7", kv.get(TruthMetadata.SEED));
    assertFalse(kv.containsKey("writer.model.name"), kv.toString());
    assertEquals(1.5, ToyTable.read(file.toString()).get("mu_hat")[0]);
  }
}
