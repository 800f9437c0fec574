#!/usr/bin/env python3
"""ETA engine research - final method (stdlib only).

usage: python3 final.py DATA_DIR SPLIT_DATE [--nowcast] [--csv OUT.csv]

Predicts, at carrier hand-off, the delivery time of every Olist order that has a hand-off and a
delivery timestamp, strictly online: when predicting an order handed off at t, the engine has
learned only from orders delivered before t (the optional --nowcast also uses the fact that
recently handed-off orders are *not yet* delivered at t, see REPORT.md).
Metrics are computed on orders handed off on or after SPLIT_DATE, for the engine, the baseline
(hand-off + median transit of seller_state->customer_state) and the merchant promise.
"""
import csv, sys, math, bisect, collections, statistics as st
import datetime as dt

DAY = 86400.0

# ----------------------------------------------------------------------------- parameters
P = dict(
    tau_days=120.0,        # decay time constant of lane stats and regression (half-life 83 d)
    ztau_days=45.0,        # decay time constant of the residual histogram (half-life 31 d)
    k_mean=5.0,            # EB shrinkage: pseudo-count toward the parent level's mean
    k_var=20.0,            # EB shrinkage: pseudo-count toward the parent level's variance
    sd_floor=0.15,         # floor of the log-scale sd
    y_floor=0.1,           # transit floor (business days) before taking the log
    ridge=5.0,             # ridge toward prior slopes of the regression
    slope_prior=(0.0, 0.4, 0.0),   # [intercept (unpenalised), ln km, ln promise-lead]
    holiday_weight=0.0,    # weight of a national holiday falling on a weekday (0 = no delivery)
    km_default=400.0,      # used when a zip prefix is missing from the geolocation table
    z_min_weight=30.0,     # use N(0,1) until the residual histogram holds this much weight
    q_lo=0.10, q_point=0.50, q_hi=0.90, q_edd=0.98,
    warn_thr_default=0.20, warn_min_pos=10,
    # nowcast (optional)
    nc_for_warning=True,   # apply the nowcast shift to P(late) as well
    nc_window_days=21.0, nc_tau_days=7.0, nc_prior_sd=0.3, nc_min_elapsed_days=0.5,
)
LEVELS = [  # coarse -> fine, each shrunk toward the previous one
    lambda r: ('cs', r['cs']),
    lambda r: ('lane', r['ss'], r['cs']),
    lambda r: ('z2z3', r['sz'][:2], r['cz'][:3]),
]

# ----------------------------------------------------------------------------- business clock
# national holidays incl. Carnival Mon/Tue and Good Friday, 2016-2018
HOLIDAYS = set(dt.date.fromisoformat(x) for x in """
2016-09-07 2016-10-12 2016-11-02 2016-11-15 2016-12-25 2017-01-01 2017-02-27 2017-02-28 2017-04-14
2017-04-21 2017-05-01 2017-06-15 2017-09-07 2017-10-12 2017-11-02 2017-11-15 2017-12-25 2018-01-01
2018-02-12 2018-02-13 2018-03-30 2018-04-21 2018-05-01 2018-05-31 2018-09-07 2018-10-12 2018-11-02
2018-11-15 2018-12-25""".split())


class BizClock:
    """B(t): business days elapsed since d0 (Sat, Sun, holidays count 0.001)."""
    def __init__(self, d0=dt.date(2016, 1, 1), d1=dt.date(2019, 1, 1), off=1e-3):
        self.d0 = d0; self.w = []; self.cum = [0.0]
        d = d0
        while d < d1:
            w = off if d.weekday() >= 5 else (max(P['holiday_weight'], off) if d in HOLIDAYS else 1.0)
            self.w.append(w); self.cum.append(self.cum[-1] + w); d += dt.timedelta(days=1)

    def B(self, t):
        i = (t.date() - self.d0).days
        frac = (t - dt.datetime.combine(t.date(), dt.time())).total_seconds() / DAY
        return self.cum[i] + self.w[i] * frac

    def inv(self, b):
        i = bisect.bisect_right(self.cum, b) - 1
        i = min(max(i, 0), len(self.w) - 1)
        return dt.datetime.combine(self.d0 + dt.timedelta(days=i), dt.time()) + \
            dt.timedelta(days=(b - self.cum[i]) / self.w[i])


def decay_factor(t0, t, tau):
    if t0 is None or not tau:
        return 1.0
    return math.exp(-max(0.0, (t - t0).total_seconds() / DAY) / tau)


class Moments:
    """exponentially decayed weight, sum, sum of squares"""
    __slots__ = ('w', 's', 'ss', 't')

    def __init__(self):
        self.w = self.s = self.ss = 0.0; self.t = None

    def at(self, t, tau):
        f = decay_factor(self.t, t, tau)
        self.w *= f; self.s *= f; self.ss *= f; self.t = t
        return self

    def add(self, x, t, tau):
        self.at(t, tau); self.w += 1.0; self.s += x; self.ss += x * x


class DecayedRegression:
    """ridge WLS with exponentially decayed sufficient statistics (3x3)"""
    def __init__(self, p):
        self.p = p; self.A = [[0.0] * p for _ in range(p)]; self.b = [0.0] * p; self.w = 0.0; self.t = None

    def add(self, x, y, t, tau):
        f = decay_factor(self.t, t, tau); self.t = t; self.w = self.w * f + 1.0
        for i in range(self.p):
            self.b[i] = self.b[i] * f + x[i] * y
            for j in range(self.p):
                self.A[i][j] = self.A[i][j] * f + x[i] * x[j]

    def coef(self, t, tau, ridge, prior):
        if self.w < 5:
            return None
        f = decay_factor(self.t, t, tau); n = self.p
        M = [[self.A[i][j] * f + (ridge if (i == j and i > 0) else 0.0) for j in range(n)] +
             [self.b[i] * f + (ridge * prior[i] if i > 0 else 0.0)] for i in range(n)]
        for c in range(n):  # Gauss-Jordan with partial pivoting
            piv = max(range(c, n), key=lambda i: abs(M[i][c])); M[c], M[piv] = M[piv], M[c]
            if abs(M[c][c]) < 1e-12:
                return None
            for i in range(n):
                if i != c:
                    g = M[i][c] / M[c][c]
                    for j in range(c, n + 1):
                        M[i][j] -= g * M[c][j]
        return [M[i][n] / M[i][i] for i in range(n)]


class ZHist:
    """decayed histogram of standardized log residuals on [-6, 6]"""
    def __init__(self, lo=-6.0, hi=6.0, nb=480):
        self.lo = lo; self.nb = nb; self.bw = (hi - lo) / nb; self.c = [0.0] * nb; self.t = None; self.cum = None

    def add(self, z, t, tau):
        f = decay_factor(self.t, t, tau); self.t = t
        if f != 1.0:
            self.c = [x * f for x in self.c]
        i = min(self.nb - 1, max(0, int((z - self.lo) / self.bw))); self.c[i] += 1.0; self.cum = None

    def _cum(self):
        if self.cum is None:
            c = [0.0]
            for x in self.c:
                c.append(c[-1] + x)
            self.cum = c
        return self.cum

    def weight(self):
        return self._cum()[-1]

    def quant(self, p):
        c = self._cum(); tgt = p * c[-1]
        k = min(max(bisect.bisect_left(c, tgt) - 1, 0), self.nb - 1)
        x = self.c[k]
        return self.lo + self.bw * (k + ((tgt - c[k]) / x if x > 0 else 0.5))

    def cdf(self, z):
        c = self._cum(); i = (z - self.lo) / self.bw
        if i <= 0:
            return 0.0
        if i >= self.nb:
            return 1.0
        k = int(i)
        return (c[k] + self.c[k] * (i - k)) / c[-1]


def Phi(z):
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def Phi_inv(p):
    lo, hi = -10.0, 10.0
    for _ in range(60):
        m = (lo + hi) / 2
        lo, hi = (m, hi) if Phi(m) < p else (lo, m)
    return (lo + hi) / 2


class ThresholdHist:
    """histograms of P(late) for late / on-time outcomes; threshold = argmax F1 over bin edges"""
    def __init__(self, nb=200):
        self.nb = nb; self.pos = [0] * nb; self.neg = [0] * nb; self.npos = 0

    def add(self, p, late):
        i = min(self.nb - 1, int(p * self.nb))
        if late:
            self.pos[i] += 1; self.npos += 1
        else:
            self.neg[i] += 1

    def best(self, default):
        if self.npos < P['warn_min_pos']:
            return default
        tp = fp = 0; best = (0.0, default)
        for i in range(self.nb - 1, -1, -1):  # warn if p >= i/nb
            tp += self.pos[i]; fp += self.neg[i]
            if tp:
                f1 = 2.0 * tp / (tp + fp + self.npos)
                if f1 > best[0]:
                    best = (f1, i / self.nb)
        return best[1]


# ----------------------------------------------------------------------------- engine
class Engine:
    def __init__(self, nowcast=False):
        self.clock = BizClock()
        self.reg = DecayedRegression(3)
        self.glob = Moments()
        self.levels = [collections.defaultdict(Moments) for _ in LEVELS]
        self.z = ZHist()
        self.thr = ThresholdHist()
        self.nowcast = nowcast
        if nowcast:
            self.zlong = ZHist(); self.buf = collections.deque(); self.zdone = {}; self.nc_cache = (None, 0.0)

    # features
    def x(self, r):
        km = r['km'] if r['km'] is not None else P['km_default']
        lead = max(self.clock.B(r['p']) - self.clock.B(r['buy']), 1.0)   # merchant promise minus purchase
        return [1.0, math.log(km + 20.0), math.log(lead)]

    def y(self, r):
        return math.log(max(self.clock.B(r['d']) - self.clock.B(r['h']), P['y_floor']))

    def prior(self, r, t):
        g = self.glob.at(t, P['tau_days'])
        var = max(g.ss / g.w - (g.s / g.w) ** 2, 1e-4) if g.w > 0 else 0.5
        c = self.reg.coef(t, P['tau_days'], P['ridge'], P['slope_prior'])
        if c:
            return sum(a * b for a, b in zip(c, self.x(r))), var
        return (g.s / g.w if g.w > 0 else math.log(5.0)), var

    def estimate(self, r, t):
        base, var = self.prior(r, t)
        m = 0.0
        for L, tab in zip(LEVELS, self.levels):
            a = tab.get(L(r))
            if a is None:
                continue
            a.at(t, P['tau_days'])
            if a.w <= 1e-9:
                continue
            v = max(a.ss / a.w - (a.s / a.w) ** 2, 0.0)
            m = (a.s + P['k_mean'] * m) / (a.w + P['k_mean'])
            var = (a.w * v + P['k_var'] * var) / (a.w + P['k_var'])
        return base, base + m, max(math.sqrt(var), P['sd_floor'])

    def zq(self, p):
        return self.z.quant(p) if self.z.weight() >= P['z_min_weight'] else Phi_inv(p)

    def zcdf(self, z):
        return self.z.cdf(z) if self.z.weight() >= P['z_min_weight'] else Phi(z)

    def predict(self, r, t):
        base, mu0, sd = self.estimate(r, t)
        delta = self.nowcast_shift(t) if self.nowcast else 0.0
        mu = mu0 + delta * sd
        b0 = self.clock.B(r['h'])
        at = lambda p: self.clock.inv(b0 + math.exp(mu + sd * self.zq(p)))
        lead = self.clock.B(r['p'] + dt.timedelta(days=1)) - b0   # end of promised day
        mu_w = mu if P['nc_for_warning'] else mu0
        plate = 1.0 if lead <= P['y_floor'] else 1.0 - self.zcdf((math.log(lead) - mu_w) / sd)
        thr = self.thr.best(P['warn_thr_default'])
        edd_t = at(P['q_edd'])
        pred = dict(point=at(P['q_point']), lo=at(P['q_lo']), hi=at(P['q_hi']),
                    edd=dt.datetime.combine(edd_t.date(), dt.time(23, 59, 59)),
                    plate=plate, warn=plate > thr, mu=mu, mu0=mu0, sd=sd)
        if self.nowcast:
            self.buf.append((r['id'], r['h'], b0, mu0, sd))
        return pred

    def learn(self, r, t, pred):
        y = self.y(r)
        base, _ = self.prior(r, t)
        if pred is not None:
            self.z.add((y - pred['mu']) / pred['sd'], t, P['ztau_days'])
            self.thr.add(pred['plate'], r['d'].date() > r['p'].date())
            if self.nowcast:
                zz = (y - pred['mu0']) / pred['sd']; self.zdone[r['id']] = zz; self.zlong.add(zz, t, None)
        self.glob.add(y, t, P['tau_days'])
        self.reg.add(self.x(r), y, t, P['tau_days'])
        for L, tab in zip(LEVELS, self.levels):
            tab[L(r)].add(y - base, t, P['tau_days'])

    # optional: censored nowcast of the current shift of standardized residuals
    def nowcast_shift(self, t):
        hour = t.replace(minute=0, second=0, microsecond=0)
        if self.nc_cache[0] == hour:
            return self.nc_cache[1]
        while self.buf and (t - self.buf[0][1]).total_seconds() / DAY > P['nc_window_days']:
            self.buf.popleft()
        Z = self.zlong
        if Z.weight() < P['z_min_weight']:
            return 0.0
        bt = self.clock.B(t); obs = []
        for oid, h, b0, mu, sd in self.buf:
            age = (t - h).total_seconds() / DAY
            if age < P['nc_min_elapsed_days']:
                continue
            w = math.exp(-age / P['nc_tau_days'])
            if oid in self.zdone:
                obs.append((w, True, self.zdone[oid]))
            else:  # still in flight: transit > elapsed
                obs.append((w, False, (math.log(max(bt - b0, P['y_floor'])) - mu) / sd))
        best = (-1e18, 0.0); hh = 0.25
        for i in range(-30, 61):
            dl = i * 0.05; ll = -0.5 * (dl / P['nc_prior_sd']) ** 2
            for w, done, z in obs:
                p = (Z.cdf(z - dl + hh) - Z.cdf(z - dl - hh)) / (2 * hh) if done else 1.0 - Z.cdf(z - dl)
                ll += w * math.log(max(p, 1e-4))
            if ll > best[0]:
                best = (ll, dl)
        self.nc_cache = (hour, best[1])
        return best[1]


class Baseline:
    """hand-off + median transit (calendar days) of seller_state->customer_state, all history"""
    def __init__(self):
        self.lane = collections.defaultdict(list); self.all = []

    def learn(self, r, t, pred):
        y = (r['d'] - r['h']).total_seconds() / DAY
        bisect.insort(self.lane[(r['ss'], r['cs'])], y); bisect.insort(self.all, y)

    def predict(self, r, t):
        v = self.lane.get((r['ss'], r['cs'])) or self.all or [7.0]
        q = lambda p: r['h'] + dt.timedelta(days=v[min(len(v) - 1, int(p * len(v)))])
        pt = r['h'] + dt.timedelta(days=st.median(v))
        e = q(0.95)
        return dict(point=pt, lo=q(0.10), hi=q(0.90), edd=dt.datetime.combine(e.date(), dt.time(23, 59, 59)),
                    warn=pt.date() > r['p'].date())


class Promise:
    def learn(self, r, t, pred):
        pass

    def predict(self, r, t):
        return dict(point=r['p'], lo=None, hi=None, edd=dt.datetime.combine(r['p'].date(), dt.time(23, 59, 59)),
                    warn=False)


# ----------------------------------------------------------------------------- data
def parse(s):
    return dt.datetime.strptime(s, '%Y-%m-%d %H:%M:%S') if s else None


def load(D, with_undelivered=False):
    orders = list(csv.DictReader(open(D + '/olist_orders_dataset.csv')))
    cust = {r['customer_id']: r for r in csv.DictReader(open(D + '/olist_customers_dataset.csv'))}
    sell = {r['seller_id']: r for r in csv.DictReader(open(D + '/olist_sellers_dataset.csv'))}
    items = collections.defaultdict(list)
    for it in csv.DictReader(open(D + '/olist_order_items_dataset.csv')):
        items[it['order_id']].append(it)
    acc = collections.defaultdict(lambda: [0.0, 0.0, 0])
    for g in csv.DictReader(open(D + '/olist_geolocation_dataset.csv')):
        a = acc[g['geolocation_zip_code_prefix'].zfill(5)]
        a[0] += float(g['geolocation_lat']); a[1] += float(g['geolocation_lng']); a[2] += 1
    geo = {k: (v[0] / v[2], v[1] / v[2]) for k, v in acc.items()}
    out = []
    for o in orders:
        if not (o['order_delivered_carrier_date'] and items.get(o['order_id'])):
            continue
        if not o['order_delivered_customer_date'] and not with_undelivered:
            continue
        its = sorted(items[o['order_id']], key=lambda i: int(i['order_item_id']))
        s = sell[its[0]['seller_id']]; c = cust[o['customer_id']]
        r = dict(id=o['order_id'], buy=parse(o['order_purchase_timestamp']), h=parse(o['order_delivered_carrier_date']),
                 d=parse(o['order_delivered_customer_date']), p=parse(o['order_estimated_delivery_date']),
                 seller=its[0]['seller_id'], ss=s['seller_state'], sz=s['seller_zip_code_prefix'].zfill(5),
                 cs=c['customer_state'], cz=c['customer_zip_code_prefix'].zfill(5))
        a, b = geo.get(r['sz']), geo.get(r['cz'])
        if a and b:
            la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
            h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
            r['km'] = 2 * 6371.0 * math.asin(math.sqrt(h))
        else:
            r['km'] = None
        out.append(r)
    out.sort(key=lambda r: r['h'])
    return out


def run_online(R, model):
    """strictly causal replay: before predicting an order handed off at t, learn every order delivered before t"""
    learnq = sorted((r for r in R if r['d'] is not None), key=lambda r: r['d']); j = 0; preds = {}
    for r in R:
        t = r['h']
        while j < len(learnq) and learnq[j]['d'] < t:
            q = learnq[j]; model.learn(q, q['d'], preds.get(q['id'])); j += 1
        preds[r['id']] = model.predict(r, t)
    return preds


# ----------------------------------------------------------------------------- metrics
def days(a, b):
    return (a - b).total_seconds() / DAY


def metrics(R, preds, split):
    E = [r for r in R if r['h'] >= split and r['d'] is not None]; n = len(E); m = {'n': n}
    pr = lambda r: preds[r['id']]
    m['MAE'] = sum(abs(days(r['d'], pr(r)['point'])) for r in E) / n
    m['MAE_cal'] = sum(abs((r['d'].date() - pr(r)['point'].date()).days) for r in E) / n
    if pr(E[0])['lo'] is not None:
        m['cov'] = sum(pr(r)['lo'] <= r['d'] <= pr(r)['hi'] for r in E) / n
        m['width'] = st.median(days(pr(r)['hi'], pr(r)['lo']) for r in E)
        m['cov_cal'] = sum(pr(r)['lo'].date() <= r['d'].date() <= pr(r)['hi'].date() for r in E) / n
        m['width_cal'] = st.median((pr(r)['hi'].date() - pr(r)['lo'].date()).days for r in E)
    m['edd_late'] = sum(r['d'].date() > pr(r)['edd'].date() for r in E) / n
    m['edd_lead'] = st.median((pr(r)['edd'].date() - r['h'].date()).days for r in E)
    late = [r['d'].date() > r['p'].date() for r in E]; warn = [bool(pr(r)['warn']) for r in E]
    tp = sum(a and b for a, b in zip(late, warn)); fp = sum(b and not a for a, b in zip(late, warn))
    fn = sum(a and not b for a, b in zip(late, warn))
    m.update(late=sum(late), tp=tp, fp=fp, fn=fn, F1=(2 * tp / (2 * tp + fp + fn) if tp else 0.0),
             prec=(tp / (tp + fp) if tp + fp else 0.0), rec=(tp / (tp + fn) if tp + fn else 0.0))
    return m


def table(rows):
    f = lambda m, k, fmt: (fmt % m[k]) if k in m else '-'
    out = ['| method | n | MAE d (frac) | MAE d (dates) | p10-p90 cov (frac) | median width d (frac) | cov (dates) | '
           'median width d (dates) | after EDD (dates) | median EDD lead d | warn F1 | prec | recall | late |',
           '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|']
    for name, m in rows:
        out.append('| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |' % (
            name, m['n'], f(m, 'MAE', '%.2f'), f(m, 'MAE_cal', '%.2f'), f(m, 'cov', '%.1f%%' if False else '%.3f'),
            f(m, 'width', '%.2f'), f(m, 'cov_cal', '%.3f'), f(m, 'width_cal', '%.0f'), f(m, 'edd_late', '%.3f'),
            f(m, 'edd_lead', '%.0f'), f(m, 'F1', '%.3f'), f(m, 'prec', '%.2f'), f(m, 'rec', '%.2f'), m['late']))
    return '\n'.join(out)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if not args:
        sys.exit('usage: eta-olist-prototype.py OLIST_CSV_DIR [SPLIT_DATE] [--nowcast]')
    D = args[0]
    split = dt.datetime.fromisoformat(args[1] if len(args) > 1 else '2017-09-01')
    nowcast = '--nowcast' in sys.argv
    R = load(D, with_undelivered=nowcast)   # the nowcast must also see hand-offs that never arrive
    rows = []
    eng_preds = run_online(R, Engine(nowcast=nowcast))
    rows.append(('engine' + (' +nowcast' if nowcast else ''), metrics(R, eng_preds, split)))
    rows.append(('baseline (lane median)', metrics(R, run_online(R, Baseline()), split)))
    rows.append(('merchant promise', metrics(R, run_online(R, Promise()), split)))
    print('orders with hand-off, delivery and items: %d; evaluated (hand-off >= %s): %d'
          % (sum(r['d'] is not None for r in R), split.date(), rows[0][1]['n']))
    print(table(rows))
    if '--csv' in sys.argv:
        path = sys.argv[sys.argv.index('--csv') + 1]
        with open(path, 'w', newline='') as fh:
            w = csv.writer(fh)
            w.writerow(['order_id', 'handoff', 'delivered', 'promise', 'point', 'lo', 'hi', 'edd', 'p_late', 'warn'])
            for r in R:
                if r['d'] is None:
                    continue
                p = eng_preds[r['id']]
                w.writerow([r['id'], r['h'], r['d'], r['p'], p['point'].replace(microsecond=0), p['lo'].replace(microsecond=0),
                            p['hi'].replace(microsecond=0), p['edd'].date(), '%.4f' % p['plate'], int(p['warn'])])


if __name__ == '__main__':
    main()
