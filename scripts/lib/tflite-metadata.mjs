// Adds the TFLite metadata MediaPipe Tasks needs (input NormalizationOptions mean 0 / std 255, RGB
// input, grayscale output) to the legacy selfie-segmentation models of @mediapipe/selfie_segmentation
// (Apache-2.0), which ship without it. The new root Model table is written in front of the untouched
// original flatbuffer; the output is deterministic. Values match the legacy graph
// (selfie_segmentation_gpu.pbtxt: output range 0..1, activation NONE). Field indices follow
// tflite-support's metadata_schema.fbs and TFLite's Model/Buffer/Metadata tables.
import * as flatbuffers from 'flatbuffers';

/** True when the model's root table already has a `metadata` vector. */
export function hasMetadata(input) {
  const dv = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const root = dv.getUint32(0, true);
  const vt = root - dv.getInt32(root, true);
  const fields = (dv.getUint16(vt, true) - 4) / 2;
  return fields > 6 && dv.getUint16(vt + 4 + 2 * 6, true) !== 0;
}

/** @param {Uint8Array} input a TFL3 model without metadata @returns {Buffer} the model with metadata */
export function addSelfieMetadata(input) {
  const old = Buffer.from(input);
  const dv = new DataView(old.buffer, old.byteOffset, old.byteLength);
  const u32 = (p) => dv.getUint32(p, true),
    i32 = (p) => dv.getInt32(p, true),
    u16 = (p) => dv.getUint16(p, true);
  if (old.toString('latin1', 4, 8) !== 'TFL3') throw new Error('not a TFL3 flatbuffer');
  // 1. ModelMetadata flatbuffer (file_identifier M001)
  const fb = new flatbuffers.Builder(1024);
  const floatVec = (a) => {
    fb.startVector(4, a.length, 4);
    for (let i = a.length - 1; i >= 0; i--) fb.addFloat32(a[i]);
    return fb.endVector();
  };
  const offVec = (a) => {
    fb.startVector(4, a.length, 4);
    for (let i = a.length - 1; i >= 0; i--) fb.addOffset(a[i]);
    return fb.endVector();
  };
  const mean = floatVec([0]),
    std = floatVec([255]); // input range [0,1]
  fb.startObject(2);
  fb.addFieldOffset(0, mean, 0);
  fb.addFieldOffset(1, std, 0);
  const norm = fb.endObject(); // NormalizationOptions
  fb.startObject(2);
  fb.addFieldInt8(0, 1, 0);
  fb.addFieldOffset(1, norm, 0);
  const pu = fb.endObject(); // ProcessUnit (union type 1)
  fb.startObject(2);
  fb.addFieldInt8(0, 1, 0);
  const imgProps = fb.endObject(); // ImageProperties RGB
  fb.startObject(3);
  fb.addFieldInt8(0, 2, 0);
  fb.addFieldOffset(1, imgProps, 0);
  const content = fb.endObject(); // Content (union type 2)
  const smax = floatVec([1]),
    smin = floatVec([0]);
  fb.startObject(2);
  fb.addFieldOffset(0, smax, 0);
  fb.addFieldOffset(1, smin, 0);
  const stats = fb.endObject();
  const inName = fb.createString('image');
  const pus = offVec([pu]);
  fb.startObject(7);
  fb.addFieldOffset(0, inName, 0);
  fb.addFieldOffset(3, content, 0);
  fb.addFieldOffset(4, pus, 0);
  fb.addFieldOffset(5, stats, 0);
  const inTM = fb.endObject();
  fb.startObject(2);
  fb.addFieldInt8(0, 2, 0);
  const outImgProps = fb.endObject(); // GRAYSCALE
  fb.startObject(3);
  fb.addFieldInt8(0, 2, 0);
  fb.addFieldOffset(1, outImgProps, 0);
  const outContent = fb.endObject();
  const outName = fb.createString('segmentation_masks');
  fb.startObject(7);
  fb.addFieldOffset(0, outName, 0);
  fb.addFieldOffset(3, outContent, 0);
  const outTM = fb.endObject();
  const ins = offVec([inTM]),
    outs = offVec([outTM]);
  const sgName = fb.createString('selfie_segmentation');
  fb.startObject(7);
  fb.addFieldOffset(0, sgName, 0);
  fb.addFieldOffset(2, ins, 0);
  fb.addFieldOffset(3, outs, 0);
  const sg = fb.endObject();
  const sgs = offVec([sg]);
  const mName = fb.createString('selfie_segmentation');
  const mDesc = fb.createString('Legacy MediaPipe selfie segmentation model with added metadata');
  const lic = fb.createString('Apache-2.0');
  const mpv = fb.createString('1.0.0');
  fb.startObject(8);
  fb.addFieldOffset(0, mName, 0);
  fb.addFieldOffset(1, mDesc, 0);
  fb.addFieldOffset(3, sgs, 0);
  fb.addFieldOffset(5, lic, 0);
  fb.addFieldOffset(7, mpv, 0);
  const mm = fb.endObject();
  fb.finish(mm, 'M001');
  const meta = fb.asUint8Array();
  // 2. New root Model table in front of the untouched old flatbuffer (uoffsets must point forward; shift keeps 16-byte alignment)
  const table = (pos) => {
    const vt = pos - i32(pos);
    const n = (u16(vt) - 4) / 2;
    const f = [];
    for (let i = 0; i < n; i++) f.push(u16(vt + 4 + 2 * i));
    return { pos, f };
  };
  const fld = (T, i) => (i < T.f.length && T.f[i] ? T.pos + T.f[i] : 0);
  const ref = (p) => p + u32(p);
  const M = table(u32(0));
  if (fld(M, 6)) throw new Error('model already has metadata');
  const oldBufs = ref(fld(M, 4));
  const nb = u32(oldBufs);
  const oldBufTables = [];
  for (let k = 0; k < nb; k++) oldBufTables.push(ref(oldBufs + 4 + 4 * k));
  let cur = 8;
  const at = {};
  const align = (a) => {
    cur = Math.ceil(cur / a) * a;
  };
  at.modelVt = cur;
  cur += 4 + 2 * 8;
  align(4);
  at.model = cur;
  cur += 4 + 4 * 8;
  at.bufVec = cur;
  cur += 4 + 4 * (nb + 1);
  at.metaVec = cur;
  cur += 8;
  at.metaVt = cur;
  cur += 8;
  at.metaTbl = cur;
  cur += 12;
  at.name = cur;
  cur += 4 + 15 + 1;
  align(4);
  at.bufVt = cur;
  cur += 6;
  align(4);
  at.bufTbl = cur;
  cur += 8;
  cur += 4;
  align(16);
  cur -= 4;
  at.data = cur;
  cur += 4 + meta.length;
  align(64);
  const S = cur;
  const out = Buffer.alloc(S + old.length);
  const o = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const w32 = (p, v) => o.setUint32(p, v, true),
    w16 = (p, v) => o.setUint16(p, v, true),
    wi32 = (p, v) => o.setInt32(p, v, true);
  old.copy(out, S);
  w32(0, at.model);
  out.write('TFL3', 4, 'latin1');
  w16(at.modelVt, 4 + 2 * 8);
  w16(at.modelVt + 2, 4 + 4 * 8);
  wi32(at.model, at.model - at.modelVt);
  for (let i = 0; i < 8; i++) {
    // 0 version,1 operator_codes,2 subgraphs,3 description,4 buffers,5 metadata_buffer,6 metadata,7 signature_defs
    const fpos = at.model + 4 + 4 * i;
    let present = false;
    if (i === 0 && fld(M, 0)) {
      w32(fpos, u32(fld(M, 0)));
      present = true;
    } else if (i === 4) {
      w32(fpos, at.bufVec - fpos);
      present = true;
    } else if (i === 6) {
      w32(fpos, at.metaVec - fpos);
      present = true;
    } else if (i !== 0 && fld(M, i)) {
      w32(fpos, S + ref(fld(M, i)) - fpos);
      present = true;
    }
    w16(at.modelVt + 4 + 2 * i, present ? 4 + 4 * i : 0);
  }
  w32(at.bufVec, nb + 1);
  for (let k = 0; k < nb; k++) {
    const e = at.bufVec + 4 + 4 * k;
    w32(e, S + oldBufTables[k] - e);
  }
  {
    const e = at.bufVec + 4 + 4 * nb;
    w32(e, at.bufTbl - e);
  }
  w32(at.metaVec, 1);
  w32(at.metaVec + 4, at.metaTbl - (at.metaVec + 4));
  w16(at.metaVt, 8);
  w16(at.metaVt + 2, 12);
  w16(at.metaVt + 4, 4);
  w16(at.metaVt + 6, 8);
  wi32(at.metaTbl, at.metaTbl - at.metaVt);
  w32(at.metaTbl + 4, at.name - (at.metaTbl + 4));
  w32(at.metaTbl + 8, nb);
  w32(at.name, 15);
  out.write('TFLITE_METADATA', at.name + 4, 'latin1');
  w16(at.bufVt, 6);
  w16(at.bufVt + 2, 8);
  w16(at.bufVt + 4, 4);
  wi32(at.bufTbl, at.bufTbl - at.bufVt);
  w32(at.bufTbl + 4, at.data - (at.bufTbl + 4));
  w32(at.data, meta.length);
  out.set(meta, at.data + 4);
  return out;
}
