#!/usr/bin/env python3
"""Where the Java samples of `cevns rates` recordings go: the share of all execution samples (every thread) whose
stack holds a frame of each category (the first matching category counts), over one or more JFR files.

Usage: bench/jfr-share.py FILE.jfr...
Record with the launcher's options and archive, the Java sampler at 1 ms and deep stacks (JDK 17's default depth of
64 loses the outer frames of most Jackson samples), e.g.
  sed 's/control="method-sampling-java-interval">10 ms/control="method-sampling-java-interval">1 ms/' \
      $JAVA_HOME/lib/jfr/profile.jfc > /tmp/my.jfc
  CEVNS_CACHE=0 CEVNS_JAVA_OPTS="-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      -XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=settings=/tmp/my.jfc,filename=/tmp/r1.jfr" \
      bin/cevns rates configs/coherent-csi.yaml
The JIT compiler threads, class loading inside the VM and the JVM start are not sampled (see bench/thread-cpu.py).
docs/performance-history.md, "ratescold (twenty-eighth session)".
"""
import collections
import json
import re
import subprocess
import sys

cats=[('jackson-build','_createAndCacheValueDeserializer|DeserializerCache._createDeserializer|BeanDeserializerFactory|POJOPropertiesCollector|creatorProperties|findRootValueDeserializer'),
      ('stddateformat/locale','StdDateFormat|GregorianCalendar|DecimalFormatSymbols|LocaleServiceProviderPool'),
      ('yaml','YamlReader|org.yaml'),
      ('jackson-other','fasterxml'),
      ('expected-detected','ExpectedDetected|AllCores|DetectionCurve|RecoilTable|WindowFractions'),
      ('model','ExperimentModel.build|ChannelBuilder'),
      ('detsim-config','DetsimConfig.of|CevnsDetectability'),
      ('analysis','AnalysisConfig|checkParameterNames'),
      ('report/print','RateReport|RatesCommand.print|Formatter'),
      ('config-other','ConfigLoader|ConfigSupport'),
      ('jfr','jdk.jfr'),]
c=collections.Counter(); tot=0
for f in sys.argv[1:]:
    d=json.loads(subprocess.run(['jfr','print','--json','--stack-depth','512','--events','jdk.ExecutionSample',f],capture_output=True,text=True).stdout)
    for e in d['recording']['events']:
        v=e['values']; fr=v['stackTrace']['frames'] if v.get('stackTrace') else []
        s=' '.join(x['method']['type']['name'].replace('/','.')+'.'+x['method']['name'] for x in fr)
        tot+=1
        for name,p in cats:
            if re.search(p,s): c[name]+=1; break
        else: c['other']+=1
print(tot)
for k,v in c.most_common(): print('  %-22s %4d %5.1f%%'%(k,v,100*v/tot))
