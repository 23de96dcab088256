#!/usr/bin/python3
"""The built-in virtual backgrounds (public/mediapipe/backgrounds/): three calm, generated pictures,
ours to ship under the project's licence. Each is 1280x720 with a 160x90 thumbnail for the picker.
Run once when changing them (Debian: python3-numpy, python3-pil): /usr/bin/python3 scripts/backgrounds.py"""
import os
import numpy as np
from PIL import Image, ImageFilter

W, H = 1280, 720
OUT = os.path.join(os.path.dirname(__file__), '..', 'public', 'mediapipe', 'backgrounds')
yy, xx = np.mgrid[0:H, 0:W].astype(float)
v = yy / (H - 1)
u = xx / (W - 1)


def ramp(t, stops):
    """Colour ramp: stops are (position, (r, g, b))."""
    out = np.zeros(t.shape + (3,))
    for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
        k = np.clip((t - p0) / (p1 - p0), 0, 1)[..., None]
        inside = ((t >= p0) & (t <= p1))[..., None]
        out = np.where(inside, np.array(c0) * (1 - k) + np.array(c1) * k, out)
    return out


def glow(cx, cy, r):
    d = np.sqrt(((xx - cx) / r) ** 2 + ((yy - cy) / r) ** 2)
    return np.clip(1 - d, 0, 1) ** 2


def dusk():
    sky = ramp(v, [(0, (30, 27, 75)), (0.55, (190, 24, 93)), (0.8, (245, 158, 11)), (1, (251, 191, 36))])
    sun = glow(W * 0.68, H * 0.78, 260)[..., None]
    hills = (yy > H * (0.86 - 0.05 * np.sin(u * 5.5) - 0.03 * np.sin(u * 13 + 1)))[..., None]
    img = sky * (1 - sun) + np.array((255, 237, 190)) * sun
    return np.where(hills, np.array((40, 20, 60)) * (0.8 + 0.2 * v[..., None]), img)


def lagoon():
    sea = ramp(v, [(0, (224, 242, 254)), (0.45, (125, 211, 252)), (0.5, (20, 184, 166)), (1, (13, 80, 90))])
    waves = 0.06 * np.sin(yy / 9 + 3 * np.sin(u * 7)) * (v > 0.5)
    return np.clip(sea * (1 + waves[..., None]), 0, 255)


def studio():
    wall = ramp(v, [(0, (214, 204, 190)), (1, (150, 138, 124))])
    vignette = 1 - 0.35 * (((u - 0.5) * 1.6) ** 2 + ((v - 0.45) * 1.4) ** 2)
    img = wall * vignette[..., None]
    for cx, cy, r, c in [(0.18, 0.3, 90, (255, 220, 170)), (0.82, 0.22, 120, (255, 236, 200)), (0.7, 0.62, 70, (230, 200, 160))]:
        g = glow(W * cx, H * cy, r)[..., None] * 0.55
        img = img * (1 - g) + np.array(c) * g
    shelf = ((yy > H * 0.7) & (yy < H * 0.73))[..., None]
    return np.where(shelf, np.array((110, 84, 60)), img)


os.makedirs(OUT, exist_ok=True)
for name, draw in [('dusk', dusk), ('lagoon', lagoon), ('studio', studio)]:
    image = Image.fromarray(np.clip(draw(), 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(2))
    image.save(os.path.join(OUT, f'{name}.jpg'), quality=82, optimize=True, progressive=True)
    image.resize((160, 90), Image.LANCZOS).save(os.path.join(OUT, f'{name}-thumb.jpg'), quality=80, optimize=True)
    print(name)
