/** cevns detsim stage. */
package org.cevns.detsim;
