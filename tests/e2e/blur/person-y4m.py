#!/usr/bin/python3
"""A fake camera with a person in it: skimage's astronaut (NASA, public domain; Debian python3-skimage)
centred on a 640x360 frame whose sides are a sharp checkerboard (a background with strong edges, so
a blur is measurable). Writes one 4:2:0 YUV4MPEG2 frame, which Chromium loops.
usage: /usr/bin/python3 person-y4m.py out.y4m"""
import sys
import numpy as np
from skimage import data, transform

W, H = 640, 360
face = transform.resize(data.astronaut(), (H, H), anti_aliasing=True)  # 360x360, floats 0..1
frame = np.zeros((H, W, 3))
yy, xx = np.mgrid[0:H, 0:W]
checker = (((yy // 12) + (xx // 12)) % 2).astype(float)
frame[:] = np.stack([0.15 + 0.7 * checker, 0.2 + 0.6 * checker, 0.3 + 0.5 * checker], axis=-1)
left = (W - H) // 2
frame[:, left:left + H] = face
rgb = (frame * 255).round()
r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
y = (0.299 * r + 0.587 * g + 0.114 * b).clip(0, 255).astype(np.uint8)
cb = (128 - 0.168736 * r - 0.331264 * g + 0.5 * b)
cr = (128 + 0.5 * r - 0.418688 * g - 0.081312 * b)
sub = lambda c: c.reshape(H // 2, 2, W // 2, 2).mean(axis=(1, 3)).round().clip(0, 255).astype(np.uint8)
with open(sys.argv[1], 'wb') as out:
    out.write(b'YUV4MPEG2 W640 H360 F30:1 Ip A1:1 C420jpeg\nFRAME\n')
    out.write(y.tobytes() + sub(cb).tobytes() + sub(cr).tobytes())
