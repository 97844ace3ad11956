# The peer for the K-Means benchmark: scikit-learn's KMeans (Lloyd, k-means++, one init)
# with the same log1p, standard scaling and per-cluster mean + 3*std thresholds.
import json, sys, time
import numpy as np
from sklearn.cluster import KMeans

path, cols, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
t0 = time.perf_counter()
x = np.fromfile(path, dtype='<f8').reshape(-1, cols)
t1 = time.perf_counter()
x = np.log1p(np.maximum(x, 0))
sd = x.std(axis=0)
sd[sd <= 1e-12] = 1
x = (x - x.mean(axis=0)) / sd
t2 = time.perf_counter()
km = KMeans(n_clusters=k, init='k-means++', n_init=1, max_iter=100, tol=1e-6, random_state=42, algorithm='lloyd').fit(x)
d = np.sqrt(((x - km.cluster_centers_[km.labels_]) ** 2).sum(axis=1))
thr = np.array([d[km.labels_ == c].mean() + 3 * d[km.labels_ == c].std() if (km.labels_ == c).any() else 0 for c in range(k)])
t3 = time.perf_counter()
dist = np.sqrt(((x[:, None, :] - km.cluster_centers_[None, :, :]) ** 2).sum(axis=2))
near = dist.argmin(axis=1)
anom = dist[np.arange(len(x)), near] > thr[near]
top = np.abs(x - km.cluster_centers_[near]).argmax(axis=1)
t4 = time.perf_counter()
print(json.dumps({'rows': len(x), 'readSeconds': t1 - t0, 'scaleSeconds': t2 - t1, 'trainSeconds': t3 - t2, 'scoreSeconds': t4 - t3, 'iterations': int(km.n_iter_), 'anomalies': int(anom.sum())}))
