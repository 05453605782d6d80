# Independent cross-check of ProfileLikelihoodTest.multiChannelMatchesIndependentScipyFit (TestModels.onOff):
# same deviance, minimised with scipy.optimize. Run: python3 scipy_crosscheck.py
import numpy as np
from scipy.optimize import minimize
sig=np.array([20,10,5.]); ss_on=np.array([30,30,30.]); rc=np.array([8,4,2.])*1.5; ss_off=np.array([60,60,60.])
n=np.array([70,48,41,55,66,58.])
def nu(mu,st,re):
    return np.concatenate([mu*sig+st*ss_on+re*rc, st*ss_off])
def D(p, mu=None):
    if mu is not None: p=[mu]+list(p)
    m,st,re=p
    v=nu(m,st,re)
    if np.any(v<=0): return 1e30
    return 2*np.sum(v-n+n*np.log(n/v)) + ((re-1)/0.05)**2
g=minimize(D,[1,1,1],method='Nelder-Mead',options=dict(xatol=1e-10,fatol=1e-12,maxiter=20000,maxfev=40000))
g=minimize(D,g.x,method='BFGS',options=dict(gtol=1e-10))
def prof(mu):
    r=minimize(lambda p: D(p,mu),[1,1],method='Nelder-Mead',options=dict(xatol=1e-10,fatol=1e-12,maxiter=20000))
    r=minimize(lambda p: D(p,mu),r.x,method='BFGS',options=dict(gtol=1e-10))
    return r.fun
print("muhat",g.x[0],"Dmin",g.fun,"q0",prof(0)-g.fun,"q(2)",prof(2)-g.fun)
