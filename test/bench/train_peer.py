# The peer for the training benchmark: scikit-learn on the same matrix (float32
# rows × features, NaN for a feature a flow lacks) and classes, one thread.
# rf: RandomForestClassifier, 100 trees, √features per split (scikit-learn 1.2
# has no missing values in forests: NaN becomes a value below every other, which
# a threshold split sends one way, as our trees do). gbt:
# HistGradientBoostingClassifier, 100 rounds, learning rate 0.1, depth 6,
# 255 bins, L2 1, no early stopping (its native missing-value handling).
import json, sys, time
import numpy as np

prefix, rows, cols, algo = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
x = np.fromfile(prefix + '.X.f32', dtype='<f4').reshape(rows, cols)
y = np.fromfile(prefix + '.y.i32', dtype='<i4')
if algo == 'rf':
    from sklearn.ensemble import RandomForestClassifier
    x = np.where(np.isnan(x), np.float32(-3e38), x)
    model = RandomForestClassifier(n_estimators=100, max_features='sqrt', max_depth=24, n_jobs=1, random_state=1)
else:
    from sklearn.ensemble import HistGradientBoostingClassifier
    model = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_depth=6, max_bins=255, l2_regularization=1.0, early_stopping=False, random_state=1)
wall, cpu = time.perf_counter(), time.process_time()
model.fit(x, y)
print(json.dumps({'seconds': time.perf_counter() - wall, 'cpuSeconds': time.process_time() - cpu, 'trainAccuracy': float((model.predict(x) == y).mean())}))
