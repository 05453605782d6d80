# Independent cross-check of the CENNS-10 fit of docs/real-data.md (not part of cevns; needs numpy and scipy).
# The same binned Poisson model as configs/coherent-lar.yaml, written directly on the release's files: CEvNS (mu free),
# prompt BRN (prior 32 %), delayed BRN (100 %), steady state (0.79 %), five +-1 sigma shape variants (linear
# interpolation, one-file variants mirrored), beam-on data only.
#   python3 docs/real-data/lar_fit_check.py 2d   # energy x time, F90 summed over (what cevns fits)
#   python3 docs/real-data/lar_fit_check.py 3d   # energy x F90 x time (the published analysis' dimensions)
# Run from the repository root.
import numpy as np, sys
from scipy.optimize import minimize
D='configs/data/coherent-lar-2020/'
def L(f): return np.loadtxt(D+f)[:,3]
data=L('datanobkgsub.txt')
sig=L('cevnspdf.txt'); brn=L('brnpdf.txt'); dbrn=L('delbrnpdf.txt'); ss=L('bkgpdf.txt')
def mirror(n,u): return np.maximum(0,2*n-u)
var={'f90':('s',L('cevnspdf+1sigF90.txt'),L('cevnspdf-1sigF90.txt')),
 'ctm':('s',L('cevnspdfCEvNSTimingMeanSyst.txt'),mirror(sig,L('cevnspdfCEvNSTimingMeanSyst.txt'))),
 'be':('b',L('brnpdf+1sigEnergy.txt'),L('brnpdf-1sigEnergy.txt')),
 'btm':('b',L('brnpdf+1sigBRNTimingMean.txt'),L('brnpdf-1sigBRNTimingMean.txt')),
 'btw':('b',L('brnpdfBRNTimingWidthSyst.txt'),mirror(brn,L('brnpdfBRNTimingWidthSyst.txt')))}
names=list(var)
dims=sys.argv[1]  # '3d' or '2d'
def red(x):
    x=x.reshape(12,8,10)
    return x.reshape(-1) if dims=='3d' else x.sum(axis=1).reshape(-1)
data_r=red(data)
def model(p):
    mu,nb,nd,ns=p[:4]; a=p[4:]
    s=sig.copy(); b=brn.copy()
    for ai,k in zip(a,names):
        w,u,d=var[k]; base= sig if w=='s' else brn
        delta = (u-base) if ai>=0 else (base-d)
        if w=='s': s=s+ai*delta
        else: b=b+ai*delta
    return red(mu*s + nb*b + nd*dbrn + ns*ss)
def nll(p):
    m=np.maximum(model(p),1e-12)
    ll=np.sum(m-data_r*np.log(m))
    nb,nd,ns=p[1:4]
    ll+=0.5*((nb-1)/0.32)**2+0.5*((nd-1)/1.0)**2+0.5*((ns-1)/0.0079)**2+0.5*np.sum(np.array(p[4:])**2)
    return ll
def fit(mufix=None):
    x0=np.array([1,1,1,1]+[0]*5,float)
    b=[(-5,10),(0,5),(0,10),(0.5,1.5)]+[(-5,5)]*5
    if mufix is not None: b[0]=(mufix,mufix); x0[0]=mufix
    best=None
    for m in ['L-BFGS-B','Powell']:
        r=minimize(nll,x0,bounds=b,method=m)
        if best is None or r.fun<best.fun: best=r
    r=minimize(nll,best.x,bounds=b,method='L-BFGS-B')
    return r if r.fun<best.fun else best
r=fit(); r0=fit(0.0)
mu=r.x[0]
import math
z=math.sqrt(max(0,2*(r0.fun-r.fun)))
# 68% interval from profile
grid=np.linspace(max(0,mu-1),mu+1,81); q=[2*(fit(g).fun-r.fun) for g in grid]
inside=[g for g,qq in zip(grid,q) if qq<=1]
print(dims,'mu=%.3f N=%.1f Z=%.2f interval [%.3f,%.3f] -> N %.0f..%.0f'%(mu,mu*128,z,min(inside),max(inside),min(inside)*128,max(inside)*128))
print(' pulls',dict(zip(['nb','nd','ns']+names,np.round(r.x[1:],3))))
