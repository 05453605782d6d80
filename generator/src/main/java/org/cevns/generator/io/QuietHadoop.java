package org.cevns.generator.io;

/** Placeholder. */
final class QuietHadoop {
  private QuietHadoop() {}

  static void install() {}
}
