// WebGL2 compositing, the GPU path (compositor.ts is the Canvas2D one; the engine times both on its
// test frames and keeps the faster). Three passes: the frame is shrunk to a quarter and blurred
// horizontally, then vertically (a separable 9-tap Gaussian whose spread grows with the strength),
// then the person — the sharp frame through the upscaled mask, linearly filtered so edges stay soft —
// is laid over the blurred frame or the cover-fitted image. Same interface as the Canvas2D path.
import type { EffectSettings } from './protocol.js';

const VERTEX = `#version 300 es
in vec2 position;
out vec2 uv;
void main() {
  uv = position * 0.5 + 0.5;
  gl_Position = vec4(position, 0.0, 1.0);
}`;

// Sources (frame, mask, image) have their first row at v = 0; the passes' own textures at v = 1.
const BLUR = `#version 300 es
precision highp float;
in vec2 uv;
uniform sampler2D source;
uniform vec2 texel;
uniform float flip;
out vec4 colour;
void main() {
  vec2 at = vec2(uv.x, mix(uv.y, 1.0 - uv.y, flip));
  vec2 d = texel;
  colour = texture(source, at) * 0.2270270270
    + (texture(source, at + d * 1.3846153846) + texture(source, at - d * 1.3846153846)) * 0.3162162162
    + (texture(source, at + d * 3.2307692308) + texture(source, at - d * 3.2307692308)) * 0.0702702703;
}`;

const COMPOSITE = `#version 300 es
precision highp float;
in vec2 uv;
uniform sampler2D frame;
uniform sampler2D mask;
uniform sampler2D background;
uniform float useImage;
uniform vec2 imageScale;
out vec4 colour;
void main() {
  vec2 src = vec2(uv.x, 1.0 - uv.y);
  vec3 back = useImage > 0.5 ? texture(background, (src - 0.5) * imageScale + 0.5).rgb : texture(background, uv).rgb;
  float person = texture(mask, src).a;
  colour = vec4(mix(back, texture(frame, src).rgb, person), 1.0);
}`;

type GL = WebGL2RenderingContext;

function compile(gl: GL, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ] as const) {
    const shader = gl.createShader(type);
    if (!shader) throw new Error('no shader');
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`shader: ${gl.getShaderInfoLog(shader) ?? ''}`);
    gl.attachShader(program, shader);
  }
  gl.bindAttribLocation(program, 0, 'position');
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`program: ${gl.getProgramInfoLog(program) ?? ''}`);
  return program;
}

function texture(gl: GL): WebGLTexture {
  const t = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, t);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  return t;
}

interface Target {
  texture: WebGLTexture;
  buffer: WebGLFramebuffer;
  width: number;
  height: number;
}

export class GlCompositor {
  readonly #canvas = new OffscreenCanvas(2, 2);
  readonly #gl: GL;
  readonly #blur: WebGLProgram;
  readonly #composite: WebGLProgram;
  readonly #frame: WebGLTexture;
  readonly #mask: WebGLTexture;
  readonly #image: WebGLTexture;
  readonly #targets: [Target, Target];
  readonly #maskWidth: number;
  readonly #maskHeight: number;
  readonly #maskPixels: Uint8ClampedArray;
  #imageSource: ImageBitmap | null = null;

  /** Throws where WebGL2 is missing (the engine then composites with Canvas2D). */
  constructor(maskWidth: number, maskHeight: number) {
    const gl = this.#canvas.getContext('webgl2', {
      alpha: false,
      antialias: false,
      depth: false,
      desynchronized: true,
      premultipliedAlpha: false,
      preserveDrawingBuffer: false,
    });
    if (!gl) throw new Error('no webgl2');
    this.#gl = gl;
    this.#blur = compile(gl, VERTEX, BLUR);
    this.#composite = compile(gl, VERTEX, COMPOSITE);
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
    this.#frame = texture(gl);
    this.#mask = texture(gl);
    this.#image = texture(gl);
    const target = (): Target => ({ texture: texture(gl), buffer: gl.createFramebuffer(), width: 0, height: 0 });
    this.#targets = [target(), target()];
    this.#maskWidth = maskWidth;
    this.#maskHeight = maskHeight;
    this.#maskPixels = new Uint8ClampedArray(maskWidth * maskHeight * 4);
    gl.bindTexture(gl.TEXTURE_2D, this.#mask);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, maskWidth, maskHeight, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
  }

  /** The RGBA buffer whose alpha the next mask is written into. */
  get maskPixels(): Uint8ClampedArray {
    return this.#maskPixels;
  }

  commitMask(): void {
    const gl = this.#gl;
    gl.bindTexture(gl.TEXTURE_2D, this.#mask);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, this.#maskWidth, this.#maskHeight, gl.RGBA, gl.UNSIGNED_BYTE, this.#maskPixels);
  }

  /** Draws the composited frame and returns the canvas it is on (valid until the next call). */
  draw(frame: VideoFrame | OffscreenCanvas, width: number, height: number, settings: EffectSettings): OffscreenCanvas {
    const gl = this.#gl;
    if (gl.isContextLost()) throw new Error('webgl context lost');
    if (this.#canvas.width !== width) this.#canvas.width = width;
    if (this.#canvas.height !== height) this.#canvas.height = height;
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.#frame);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, frame);
    const image = settings.mode === 'image' ? settings.image : null;
    if (image) {
      gl.activeTexture(gl.TEXTURE2);
      gl.bindTexture(gl.TEXTURE_2D, this.#image);
      if (image !== this.#imageSource) {
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, image);
        this.#imageSource = image;
      }
    } else {
      this.#blurInto(width, height, settings.strength);
      gl.activeTexture(gl.TEXTURE2);
      gl.bindTexture(gl.TEXTURE_2D, this.#targets[1].texture);
    }
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, width, height);
    gl.useProgram(this.#composite);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.#frame);
    gl.activeTexture(gl.TEXTURE1);
    gl.bindTexture(gl.TEXTURE_2D, this.#mask);
    this.#uniform(this.#composite, 'frame', 0);
    this.#uniform(this.#composite, 'mask', 1);
    this.#uniform(this.#composite, 'background', 2);
    gl.uniform1f(gl.getUniformLocation(this.#composite, 'useImage'), image ? 1 : 0);
    if (image) {
      // Cover: the image fills the frame, cropped on the longer side, centred.
      const scale = Math.max(width / image.width, height / image.height);
      gl.uniform2f(gl.getUniformLocation(this.#composite, 'imageScale'), width / (image.width * scale), height / (image.height * scale));
    }
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    return this.#canvas;
  }

  /** The frame at a quarter size, blurred horizontally into target 0, then vertically into target 1. */
  #blurInto(width: number, height: number, strength: number) {
    const gl = this.#gl;
    const w = Math.max(1, Math.round(width / 4));
    const h = Math.max(1, Math.round(height / 4));
    for (const t of this.#targets) this.#fit(t, w, h);
    // Spread in the small texture's pixels, as the Canvas2D path's radius.
    const spread = (1 + Math.round(Math.max(0, Math.min(1, strength)) * 5)) / 2;
    gl.useProgram(this.#blur);
    gl.viewport(0, 0, w, h);
    gl.activeTexture(gl.TEXTURE0);
    this.#uniform(this.#blur, 'source', 0);
    const passes: Array<[WebGLTexture, Target, number, number, number]> = [
      [this.#frame, this.#targets[0], spread / w, 0, 1],
      [this.#targets[0].texture, this.#targets[1], 0, spread / h, 0],
    ];
    for (const [source, target, dx, dy, flip] of passes) {
      gl.bindTexture(gl.TEXTURE_2D, source);
      gl.bindFramebuffer(gl.FRAMEBUFFER, target.buffer);
      gl.uniform2f(gl.getUniformLocation(this.#blur, 'texel'), dx, dy);
      gl.uniform1f(gl.getUniformLocation(this.#blur, 'flip'), flip);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    }
  }

  #fit(target: Target, width: number, height: number) {
    if (target.width === width && target.height === height) return;
    const gl = this.#gl;
    gl.bindTexture(gl.TEXTURE_2D, target.texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    gl.bindFramebuffer(gl.FRAMEBUFFER, target.buffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, target.texture, 0);
    target.width = width;
    target.height = height;
  }

  #uniform(program: WebGLProgram, name: string, unit: number) {
    this.#gl.uniform1i(this.#gl.getUniformLocation(program, name), unit);
  }
}
