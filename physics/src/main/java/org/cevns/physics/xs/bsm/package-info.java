/**
 * New physics in the cross sections: the parameter point {@link org.cevns.physics.xs.bsm.NewPhysics} (vector
 * NSI, neutrino magnetic moment per flavour and transition moments ({@link org.cevns.physics.xs.bsm.MagneticMoments}),
 * millicharge and charge radius per flavour, light vector and scalar mediators, a dipole-portal sterile neutrino,
 * generalised scalar/vector/axial/tensor/pseudoscalar interactions with nucleons and electrons, per flavour and
 * flavour-changing, {@link org.cevns.physics.xs.bsm.Ngi}) and the cross sections under it: CEvNS
 * ({@link org.cevns.physics.xs.bsm.NewPhysicsCevns}), EvES ({@link org.cevns.physics.xs.bsm.NewPhysicsEves})
 * and sterile-neutrino upscattering ({@link org.cevns.physics.xs.bsm.DipoleUpscattering}, process
 * {@code upscatter}). Formulas and references are in each class and in {@code docs/new-physics.md}. Each model
 * cross section is the Standard-Model one of {@link org.cevns.physics.xs} plus the model's change, so it is the
 * Standard Model bit for bit when the parameters are zero.
 *
 * <h2>For event-wise reweighting and scans (the inference engine)</h2>
 * <ol>
 *   <li>The point is a value: {@code NewPhysics theta0 = config.physics().newPhysics()} (the configuration's,
 *       {@link org.cevns.physics.xs.bsm.NewPhysics#NONE} for the Standard Model).</li>
 *   <li>Parameters are set by their scan name, which is the {@code physics:} key path joined by dots:
 *       {@code theta0.with("nsi.u.ee", 0.1)}, {@code .with("magnetic_moment_mub.nue", 1e-10)},
 *       {@code .with("millicharge_e.nue", 1e-12)}, {@code .with("charge_radius_cm2.numu", -3e-32)},
 *       {@code .with("mediator[0].g", 1e-4)} (all four couplings of mediator 0), {@code .with("mediator[0].mass_mev",
 *       30)}, {@code .with("sterile.dipole_mub.numu", 1e-9)}, {@code .with("ngi.tensor.n", 0.05)}; {@code get(name)} reads one;
 *       {@link org.cevns.physics.xs.bsm.NewPhysics#parameterNames()} lists every name valid for the point
 *       (mediators and the sterile neutrino must exist in the configuration). Invalid names or values throw
 *       {@link java.lang.IllegalArgumentException} with a one-line message naming the parameter. Note the
 *       brackets in {@code mediator[k]}: a name pattern that allows only {@code [A-Za-z0-9_.-]} must admit them.</li>
 *   <li>dσ/dT of one event at any point: {@code ModelCrossSections xs = ModelCrossSections.of(config.physics())}
 *       (package {@code org.cevns.generator.model}; it keeps the configuration's Standard-Model settings: coupling
 *       scheme, sin²θ_W, form factors and radii, axial term, recoil floor), then
 *       {@code xs.xsCm2PerMeV(theta, process, flavor, z, a, enuMeV, recoilMeV)} with the event's true values
 *       (cm²/MeV per nucleus for {@code cevns} and {@code upscatter}, per atom for {@code eves}). The event
 *       weight is {@code xs.xsCm2PerMeV(theta, …) / xs.xsCm2PerMeV(theta0, …)}. Thread-safe; cross-section
 *       objects are cached per (point, process, nuclide, flavour).</li>
 *   <li>Zero cross sections: below the {@linkplain org.cevns.physics.xs.RecoilCrossSection#recoilFloorMeV()
 *       recoil floor} (models with a 1/T term or a light mediator; {@code physics.recoil_floor_kev}, default 10 eV,
 *       never above a detector threshold), outside the kinematics (upscattering has T_min(E) &gt; 0 and a
 *       threshold energy), or {@code upscatter} without a sterile neutrino. A sample made at θ₀ cannot be
 *       reweighted to a θ that opens phase space θ₀ does not have (e.g. upscattering from a point without it,
 *       or a larger sterile mass's region from a smaller one is fine but not the reverse): generate at a θ₀ whose
 *       support covers the scan.</li>
 * </ol>
 */
package org.cevns.physics.xs.bsm;
