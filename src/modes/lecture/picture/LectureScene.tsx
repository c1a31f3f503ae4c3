import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  AdditiveBlending,
  BufferAttribute,
  BufferGeometry,
  Color,
  ConeGeometry,
  CylinderGeometry,
  DoubleSide,
  type InstancedMesh,
  type Material,
  type Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  Object3D,
  type PerspectiveCamera,
  Quaternion,
  SphereGeometry,
  Vector3,
} from 'three';
import { type Isosurface, isosurface } from '../../../geometry/isosurface.ts';
import type { LoadedCase } from '../../../geometry/phantom.ts';
import type { VoxelGrid } from '../../../geometry/tissue-model.ts';
import { softwareWebGL } from '../../../scene/renderer-kind.ts';
import { WebGLGuard } from '../../../scene/WebGLGuard.tsx';
import { TISSUE_COLOURS } from '../../../style/palette.ts';
import { ABLATION_DOSE, ABLATION_SURFACE_RGB } from '../../../style/result-scales.ts';
import { frameView, verticesOf } from '../../patient/picture/framing.ts';
import {
  BOWL_APERTURE,
  BOWL_RADIUS,
  beamDirections,
  fitDistance,
  skinDistance,
  viewDirection,
} from '../../patient/picture/illustration.ts';
import { SOFTWARE_DPR, Ticker } from '../../picture/Ticker.tsx';
import { useDisposable } from '../../picture/use-disposable.ts';
import { useCaseParts } from '../../picture/useCaseParts.ts';
import type { LectureStage } from '../content.ts';
import type { HeatFrame, LectureHeat } from '../heat-format.ts';
import { ablatedAfter, type LecturePlan } from '../plan-format.ts';
import { frameAt, LECTURE_LOOK, type LectureLook, playbackTime } from './lecture-look.ts';
import { TemperatureKey } from './TemperatureKey.tsx';
import { TEMPERATURE_SURFACES } from './temperature-surfaces.ts';

type Vec3 = [number, number, number];

const FOV = 30;
const BEAM_COLOUR = '#7fe3ff';
/** The treated spots' marks: the beams' cyan, apart from the lesion's magenta and the ablation zone's orange. */
const SPOT_MARK_COLOUR = BEAM_COLOUR;
/** A spot mark's radius as a share of the framing's width, so it reads alike close up and further out. */
const SPOT_MARK_SHARE = 0.012;
const LOG_ABLATION = Math.log10(ABLATION_DOSE);

export interface LectureSceneProps {
  caseUrl: string | undefined;
  stage: LectureStage;
  reducedMotion: boolean;
  /** the precomputed run (null while it loads or when it could not be loaded) */
  heat: LectureHeat | null;
  frames: HeatFrame[] | null;
  /** the plan's spot foci [m] (spots step) */
  spots: readonly Vec3[];
  /** the precomputed plan: when given, the spots step draws its ablation zone after each spot (else one zone per spot) */
  plan?: LecturePlan | null;
  /** told the simulated time shown [s] when it changes (heat and dose steps), else null */
  onTime?: (time: number | null) => void;
  /** told the spot shown (0-based) when it changes (spots step), else null */
  onSpot?: (spot: number | null) => void;
}

/**
 * The lecture's 3D view: the bundled femur (parsed as the planner parses it), the transducer under it, beams, and in
 * the heat, dose and spots steps the engine's own precomputed result (public/lecture/femur-heat.json): temperature
 * isosurfaces frame by frame and the 240 CEM43 ablation surface. Still frames with reduced motion; throttled on
 * software WebGL as the patient picture is (its Ticker).
 */
export function LectureScene(props: LectureSceneProps) {
  return (
    <WebGLGuard
      fallback={
        <p className="lecture-picture-missing">
          The 3D view cannot be drawn in this browser (WebGL is off or blocked); the story and its numbers go on.
        </p>
      }
    >
      <LectureCanvas {...props} />
    </WebGLGuard>
  );
}

function LectureCanvas(props: LectureSceneProps) {
  const load = useCaseParts(props.caseUrl);
  const software = useMemo(() => softwareWebGL(), []);
  // Until the femur is fetched, parsed and first drawn (seconds on software WebGL) the view would be a black box.
  const [drawn, setDrawn] = useState(false);
  const onDrawn = useCallback(() => setDrawn(true), []);
  if (load.status === 'failed') {
    return <p className="lecture-picture-missing">The 3D view could not be shown here.</p>;
  }
  const look = LECTURE_LOOK[props.stage];
  return (
    <>
      {drawn ? null : <p className="lecture-loading">Loading the model…</p>}
      {drawn && look.result === 'heat' && props.heat ? <TemperatureKey /> : null}
      <Canvas
        className="lecture-canvas"
        style={{ position: 'absolute', inset: 0 }}
        frameloop="demand"
        dpr={software ? SOFTWARE_DPR : [1, 2]}
        gl={{ preserveDrawingBuffer: true, antialias: !software }}
        camera={{ fov: FOV, near: 0.001, far: 5, position: [0, 0, 1] }}
      >
        <color attach="background" args={['#05070c']} />
        <hemisphereLight args={['#fff4e6', '#3a4660', 1.3]} />
        <ambientLight intensity={0.45} />
        <directionalLight position={[0.5, 1, 1]} intensity={1.6} />
        {props.reducedMotion ? null : <Ticker software={software} />}
        {load.status === 'ready' ? <Picture loaded={load.loaded} onDrawn={onDrawn} {...props} /> : null}
      </Canvas>
    </>
  );
}

/** Isosurfaces made when first shown and kept by key (a few ms each on the lecture's small boxes). */
class KeptSurfaces {
  private readonly made = new Map<string, BufferGeometry>();
  get(key: string, make: () => Isosurface): BufferGeometry {
    let geometry = this.made.get(key);
    if (!geometry) {
      const surface = make();
      geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(surface.positions, 3));
      geometry.setIndex(new BufferAttribute(surface.indices, 1));
      geometry.computeVertexNormals();
      this.made.set(key, geometry);
    }
    return geometry;
  }
  dispose() {
    for (const g of this.made.values()) g.dispose();
    this.made.clear();
  }
}

/** Isosurfaces of the stored frames (temperature or log dose at a level). */
class SurfaceCache {
  private readonly kept = new KeptSurfaces();
  constructor(
    private readonly frames: HeatFrame[],
    private readonly grid: VoxelGrid,
  ) {}
  get(kind: 'temperature' | 'dose', frame: number, level: number): BufferGeometry {
    return this.kept.get(`${kind}:${frame}:${level}`, () => {
      const f = this.frames[frame];
      if (!f) return { positions: new Float32Array(0), indices: new Uint32Array(0) };
      return isosurface(kind === 'temperature' ? f.temperature : f.logDose, this.grid, level);
    });
  }
  dispose() {
    this.kept.dispose();
  }
}

/** The plan's ablation zone after each spot. */
class PlanSurfaces {
  private readonly kept = new KeptSurfaces();
  constructor(private readonly plan: LecturePlan) {}
  /** after spot `upTo` (1-based) */
  get(upTo: number): BufferGeometry {
    return this.kept.get(String(upTo), () => isosurface(ablatedAfter(this.plan, upTo), this.plan.grid, 0.5));
  }
  dispose() {
    this.kept.dispose();
  }
}

function Picture({
  loaded,
  stage,
  reducedMotion,
  heat,
  frames,
  spots,
  plan,
  onTime,
  onSpot,
  onDrawn,
}: LectureSceneProps & { loaded: LoadedCase; onDrawn: () => void }) {
  const target = (heat?.target ?? loaded.meta.defaultTarget) as Vec3;
  const axis = loaded.meta.defaultBeamDirection as Vec3;
  const look: LectureLook = LECTURE_LOOK[stage];
  const invalidate = useThree((s) => s.invalidate);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const size = useThree((s) => s.size);
  const anatomy = useMemo(() => verticesOf(loaded.parts.map((part) => part.geometry)), [loaded]);

  const geometry = useMemo(() => {
    const t = new Vector3(...target);
    const d = new Vector3(...axis).normalize();
    const directions = beamDirections(axis, [10, 16, 22]);
    const towardBowl = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), d);
    const skin = skinDistance(target, axis, 0.078);
    const capDepth = BOWL_RADIUS - Math.sqrt(BOWL_RADIUS ** 2 - (BOWL_APERTURE / 2) ** 2);
    return { t, d, directions, towardBowl, padFrom: skin - 0.004, padTo: BOWL_RADIUS - capDepth };
  }, [target, axis]);

  const tissues = useDisposable(
    () => ({
      materials: loaded.parts.map(
        (part) =>
          new MeshStandardMaterial({
            color: TISSUE_COLOURS[part.tissue],
            roughness: 0.8,
            side: DoubleSide,
            transparent: true,
            emissive: part.tissue === 'lesion' ? TISSUE_COLOURS.lesion : '#000000',
            emissiveIntensity: 0,
          }),
      ),
      dispose() {
        for (const m of this.materials) m.dispose();
      },
    }),
    [loaded],
  );

  const kit = useDisposable(() => {
    const bowl = new SphereGeometry(BOWL_RADIUS, 48, 12, 0, Math.PI * 2, 0, Math.asin(BOWL_APERTURE / 2 / BOWL_RADIUS));
    const pad = new CylinderGeometry(BOWL_APERTURE / 2, BOWL_APERTURE / 2, 1, 40, 1);
    const cone = new ConeGeometry(0.0016, 1, 8, 1, true).rotateZ(Math.PI).translate(0, 0.5, 0);
    const pulse = new SphereGeometry(0.0016, 10, 8);
    const dot = new SphereGeometry(1, 20, 14);
    const bowlMaterial = new MeshStandardMaterial({
      color: '#c9d3e2',
      emissive: '#3a4a66',
      roughness: 0.5,
      side: DoubleSide,
      transparent: true,
    });
    const padMaterial = new MeshBasicMaterial({ color: TISSUE_COLOURS.water, transparent: true, depthWrite: false });
    const additive = (color: string) =>
      new MeshBasicMaterial({ color, transparent: true, depthWrite: false, blending: AdditiveBlending });
    const beamMaterial = additive(BEAM_COLOUR);
    const pulseMaterial = additive('#e9fbff');
    const focusMaterial = additive('#ffffff');
    const temperatureMaterials = TEMPERATURE_SURFACES.map(
      (surface, k) =>
        new MeshStandardMaterial({
          color: surface.colour,
          emissive: surface.colour,
          emissiveIntensity: 0.6,
          transparent: true,
          opacity: surface.opacity,
          depthWrite: k === TEMPERATURE_SURFACES.length - 1,
          side: DoubleSide,
        }),
    );
    // Drawn over everything: a mark inside the bone's cortex is still a treated spot to show.
    const markMaterial = new MeshBasicMaterial({ color: SPOT_MARK_COLOUR, transparent: true, depthTest: false });
    const doseMaterial = new MeshStandardMaterial({
      color: new Color().setRGB(...ABLATION_SURFACE_RGB),
      emissive: new Color().setRGB(...ABLATION_SURFACE_RGB),
      emissiveIntensity: 0.45,
      transparent: true,
      side: DoubleSide,
    });
    const materials: Material[] = [
      bowlMaterial,
      padMaterial,
      beamMaterial,
      pulseMaterial,
      focusMaterial,
      doseMaterial,
      markMaterial,
      ...temperatureMaterials,
    ];
    return {
      bowl,
      pad,
      cone,
      pulse,
      dot,
      bowlMaterial,
      padMaterial,
      beamMaterial,
      pulseMaterial,
      focusMaterial,
      temperatureMaterials,
      doseMaterial,
      markMaterial,
      dispose() {
        for (const g of [bowl, pad, cone, pulse, dot]) g.dispose();
        for (const m of materials) m.dispose();
      },
    };
  }, [heat]);

  const surfaces = useDisposable(
    () =>
      heat && frames
        ? new SurfaceCache(frames, { ...heat.grid, origin: heat.grid.origin })
        : { get: () => new BufferGeometry(), dispose() {} },
    [heat, frames],
  );

  const planSurfaces = useDisposable(
    () => (plan ? new PlanSurfaces(plan) : { get: () => new BufferGeometry(), dispose() {} }),
    [plan],
  );
  const planMesh = useRef<Mesh>(null);

  const beams = useRef<InstancedMesh>(null);
  const marks = useRef<InstancedMesh>(null);
  const pulses = useRef<InstancedMesh>(null);
  const focusDot = useRef<Mesh>(null);
  const temperatureMeshes = useRef<(Mesh | null)[]>([]);
  const doseMeshes = useRef<(Mesh | null)[]>([]);
  const shown = useRef({
    transducer: 0,
    beams: 0,
    pulses: 0,
    focus: 0,
    close: 0,
    span: LECTURE_LOOK[stage].closeSpan,
    marks: 0,
    face: 0,
    soft: 1,
    bone: 1,
    lesion: 0,
    lesionOpacity: 1,
  });
  const clock = useRef({ stage, since: -1, time: Number.NaN as number, spot: -1, drawn: false });
  const scratch = useMemo(
    () => ({ o: new Object3D(), v: new Vector3(), up: new Vector3(0, 1, 0), view: new Vector3() }),
    [],
  );

  // A still frame (or the first of a new step) is drawn on demand.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the stage, the data and the size are the triggers.
  useEffect(() => invalidate(), [stage, reducedMotion, heat, frames, size, invalidate]);
  useEffect(() => () => onTime?.(null), [onTime]);
  useEffect(() => () => onSpot?.(null), [onSpot]);

  // The framings: the whole thigh with the transducer under it, close to the focus, and the thigh alone turned toward
  // the lesion.
  const framing = useMemo(() => {
    const along = new Vector3(0, 0, 1);
    const side = new Vector3().crossVectors(geometry.d, along).normalize();
    const view = side.clone().addScaledVector(geometry.d, -0.45).addScaledVector(along, 0.3).normalize();
    const aspect = size.width / Math.max(1, size.height);
    const wideCentre = new Vector3(0, 0, 0).lerp(geometry.t.clone().addScaledVector(geometry.d, BOWL_RADIUS), 0.4);
    const closeCentre = geometry.t.clone();
    return {
      view,
      wideCentre,
      wideDistance: fitDistance(0.19, FOV, aspect),
      closeCentre,
      aspect,
      // As the patient mode's first step does (viewDirection): the side view leaves the lesion behind the bone. Fitted
      // to the drawn parts and the box's aspect, so the whole thigh is in the picture on a phone and a wide screen.
      lesion: lesionFraming(anatomy, axis, aspect),
    };
  }, [geometry, anatomy, axis, size]);

  useFrame((state, delta) => {
    const now = state.clock.elapsedTime;
    if (!clock.current.drawn) {
      // This frame is drawn once the callbacks are through: told on the next animation frame.
      clock.current.drawn = true;
      requestAnimationFrame(onDrawn);
    }
    if (clock.current.stage !== stage || clock.current.since < 0) {
      clock.current.stage = stage;
      clock.current.since = now;
    }
    const elapsed = reducedMotion ? Number.POSITIVE_INFINITY : now - clock.current.since;
    const ease = reducedMotion ? 1 : Math.min(1, delta * 2);
    const s = shown.current;
    const toward = (value: number, goal: number) => value + (goal - value) * ease;
    s.transducer = toward(s.transducer, look.transducer);
    s.beams = toward(s.beams, look.beams);
    s.pulses = toward(s.pulses, look.pulses && !reducedMotion ? 1 : 0);
    s.focus = toward(s.focus, look.focus);
    s.close = toward(s.close, look.close ? 1 : 0);
    s.span = toward(s.span, look.closeSpan);
    s.marks = toward(s.marks, look.spots === 'none' ? 0 : 1);
    s.face = toward(s.face, look.faceLesion ? 1 : 0);
    s.lesionOpacity = toward(s.lesionOpacity, look.lesion);
    s.soft = toward(s.soft, look.softTissue);
    s.bone = toward(s.bone, look.bone);
    s.lesion = toward(s.lesion, look.lesionLight);

    // Camera between the framings. Turned through directions (renormalised), not moved along a chord, so the picture
    // keeps its size mid-turn.
    const centre = scratch.v
      .copy(framing.wideCentre)
      .lerp(framing.lesion.look, s.face)
      .lerp(framing.closeCentre, s.close);
    const far = framing.wideDistance + (framing.lesion.distance - framing.wideDistance) * s.face;
    const distance = far + (fitDistance(s.span, FOV, framing.aspect) - far) * s.close;
    const view = scratch.view.copy(framing.view).lerp(framing.lesion.view, s.face).normalize();
    camera.up.copy(geometry.d).negate().lerp(framing.lesion.up, s.face).normalize();
    camera.position.copy(centre).addScaledVector(view, distance);
    camera.near = distance / 40;
    camera.far = distance * 6;
    camera.lookAt(centre);
    camera.updateProjectionMatrix();

    kit.bowlMaterial.opacity = 0.85 * s.transducer;
    kit.padMaterial.opacity = 0.25 * s.transducer;
    kit.beamMaterial.opacity = s.beams;
    kit.pulseMaterial.opacity = Math.min(1, s.pulses * s.beams * 3);
    kit.focusMaterial.opacity = s.focus;
    for (const [i, material] of tissues.materials.entries()) {
      const tissue = loaded.parts[i]?.tissue;
      const bone = tissue === 'cortical_bone' || tissue === 'marrow';
      const base = tissue === 'skin' ? 0.2 : tissue === 'lesion' || bone ? 1 : tissue === 'nerve' ? 1 : 0.09;
      material.opacity = bone ? s.bone : tissue === 'lesion' ? s.lesionOpacity : Math.min(1, base * s.soft);
      material.depthWrite = material.opacity >= 0.99;
      if (tissue === 'lesion') material.emissiveIntensity = 0.5 * s.lesion;
    }

    // Beams from the bowl to the focus; pulses travel along them.
    const beamMesh = beams.current;
    const pulseMesh = pulses.current;
    const spotCycle =
      look.spots === 'all' ? spots.length - 1 : look.spots === 'play' ? spotShown(elapsed, spots.length) : -1;
    const focus =
      look.spots === 'play' && spotCycle >= 0 && spots[spotCycle]
        ? new Vector3(...(spots[spotCycle] as Vec3))
        : geometry.t;
    if (beamMesh && pulseMesh) {
      const phaseTime = reducedMotion ? 0 : now;
      geometry.directions.forEach((dir, i) => {
        scratch.o.position.copy(focus);
        scratch.o.quaternion.setFromUnitVectors(scratch.up, dir);
        scratch.o.scale.set(1, BOWL_RADIUS, 1);
        scratch.o.updateMatrix();
        beamMesh.setMatrixAt(i, scratch.o.matrix);
        const phase = (phaseTime / 3 + ((i * 0.618) % 1)) % 1;
        scratch.o.position
          .copy(dir)
          .multiplyScalar(BOWL_RADIUS * (1 - phase))
          .add(focus);
        scratch.o.quaternion.identity();
        scratch.o.scale.setScalar(1);
        scratch.o.updateMatrix();
        pulseMesh.setMatrixAt(i, scratch.o.matrix);
      });
      beamMesh.instanceMatrix.needsUpdate = true;
      pulseMesh.instanceMatrix.needsUpdate = true;
    }
    focusDot.current?.position.copy(focus);
    focusDot.current?.scale.setScalar(0.0012 - 0.0006 * s.close);
    // The treated spots' marks: those reached so far (all of them once the session is over).
    const markMesh = marks.current;
    kit.markMaterial.opacity = s.marks;
    if (markMesh) {
      markMesh.visible = s.marks > 0.01;
      spots.forEach((at, k) => {
        scratch.o.position.set(...at);
        scratch.o.quaternion.identity();
        scratch.o.scale.setScalar(k <= spotCycle ? SPOT_MARK_SHARE * s.span : 0);
        scratch.o.updateMatrix();
        markMesh.setMatrixAt(k, scratch.o.matrix);
      });
      markMesh.instanceMatrix.needsUpdate = true;
    }

    // The engine's frames: which one the step shows now.
    let time: number | null = null;
    let frame = -1;
    if (heat && frames && look.result !== 'none') {
      time = playbackTime(look.result, elapsed, heat);
      frame = frameAt(heat.frames.time, time);
    }
    TEMPERATURE_SURFACES.forEach(({ level }, k) => {
      const mesh = temperatureMeshes.current[k];
      if (!mesh) return;
      mesh.visible = look.result === 'heat' && frame >= 0;
      if (mesh.visible) mesh.geometry = surfaces.get('temperature', frame, level);
    });
    // The ablation zone: at the target in the dose step; in the spots step the simulated plan's zone after the spot
    // reached, or (without the plan) the one zone placed at each spot reached so far.
    const planShown = look.spots !== 'none' && plan !== null && plan !== undefined && spotCycle >= 0;
    if (planMesh.current) {
      planMesh.current.visible = planShown;
      if (planShown) planMesh.current.geometry = planSurfaces.get(spotCycle + 1);
    }
    doseMeshes.current.forEach((mesh, k) => {
      if (!mesh) return;
      const onSpots = look.spots !== 'none';
      const atSpot = onSpots ? spots[k] : k === 0 ? (target as Vec3) : undefined;
      mesh.visible =
        !planShown && frame >= 0 && atSpot !== undefined && (onSpots ? k <= spotCycle : look.result === 'dose');
      if (!mesh.visible || !atSpot) return;
      mesh.geometry = surfaces.get('dose', onSpots ? (heat?.frames.time.length ?? 1) - 1 : frame, LOG_ABLATION);
      mesh.position.set(atSpot[0] - target[0], atSpot[1] - target[1], atSpot[2] - target[2]);
    });
    kit.doseMaterial.opacity = look.result === 'dose' ? 0.95 : 0.85;
    if (time !== clock.current.time) {
      clock.current.time = time ?? Number.NaN;
      onTime?.(time);
    }
    const spotNow = look.spots === 'play' ? spotCycle : -1;
    if (spotNow !== clock.current.spot) {
      clock.current.spot = spotNow;
      onSpot?.(spotNow >= 0 ? spotNow : null);
    }
  });

  const lastSpot = Math.max(1, spots.length);
  return (
    <group>
      {tissues.materials.map((material, i) => {
        const part = loaded.parts[i];
        return part ? <mesh key={part.name} geometry={part.geometry} material={material} renderOrder={2} /> : null;
      })}
      <group position={geometry.t} quaternion={geometry.towardBowl}>
        <mesh geometry={kit.bowl} material={kit.bowlMaterial} renderOrder={1} />
        <mesh
          geometry={kit.pad}
          material={kit.padMaterial}
          position={[0, (geometry.padFrom + geometry.padTo) / 2, 0]}
          scale={[1, Math.max(0.001, geometry.padTo - geometry.padFrom), 1]}
          renderOrder={3}
        />
      </group>
      <instancedMesh
        ref={beams}
        args={[kit.cone, kit.beamMaterial, geometry.directions.length]}
        frustumCulled={false}
        renderOrder={4}
      />
      <instancedMesh
        ref={pulses}
        args={[kit.pulse, kit.pulseMaterial, geometry.directions.length]}
        frustumCulled={false}
        renderOrder={5}
      />
      <mesh ref={focusDot} geometry={kit.dot} material={kit.focusMaterial} renderOrder={9} />
      <instancedMesh
        ref={marks}
        args={[kit.dot, kit.markMaterial, Math.max(1, spots.length)]}
        frustumCulled={false}
        renderOrder={10}
      />
      <mesh ref={planMesh} material={kit.doseMaterial} visible={false} frustumCulled={false} renderOrder={7} />
      {kit.temperatureMaterials.map((material, k) => (
        <mesh
          key={material.uuid}
          ref={(node) => {
            temperatureMeshes.current[k] = node;
          }}
          material={material}
          visible={false}
          frustumCulled={false}
          renderOrder={8 - k}
        />
      ))}
      <group>
        {Array.from({ length: lastSpot }, (_, k) => (
          <mesh
            // biome-ignore lint/suspicious/noArrayIndexKey: one mesh per spot slot, fixed in number.
            key={k}
            ref={(node) => {
              doseMeshes.current[k] = node;
            }}
            material={kit.doseMaterial}
            visible={false}
            frustumCulled={false}
            renderOrder={7}
          />
        ))}
      </group>
    </group>
  );
}

/**
 * The lesion step's view: the thigh alone, seen from the transducer's side of it where the lesion sits on the bone
 * (the patient mode's viewDirection), the camera's distance and aim solved from the drawn parts (frameView).
 */
function lesionFraming(
  anatomy: readonly Vector3[],
  axis: Vec3,
  aspect: number,
): { look: Vector3; view: Vector3; up: Vector3; distance: number } {
  const { view, up } = viewDirection(axis, true);
  const fit = frameView({ points: anatomy, view, up, fovDeg: FOV, aspect });
  return { look: fit.look, view: view.normalize(), up: fit.up, distance: fit.distance };
}

/** Seconds per spot in the spots step; the last spot then holds. */
export const SPOT_SECONDS = 3;

/** Which spot the spots step shows at `elapsed` seconds (all of them at the end, or with reduced motion). */
function spotShown(elapsed: number, count: number): number {
  if (count === 0) return -1;
  return Math.min(count - 1, Math.floor(elapsed / SPOT_SECONDS));
}
