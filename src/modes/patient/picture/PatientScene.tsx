import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  AdditiveBlending,
  ConeGeometry,
  CylinderGeometry,
  DoubleSide,
  type InstancedMesh,
  type Material,
  Matrix4,
  type Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  Object3D,
  Quaternion,
  SphereGeometry,
  Vector3,
} from 'three';
import type { LoadedCase } from '../../../geometry/phantom.ts';
import { softwareWebGL } from '../../../scene/renderer-kind.ts';
import { WebGLGuard } from '../../../scene/WebGLGuard.tsx';
import { TISSUE_COLOURS } from '../../../style/palette.ts';
import { SOFTWARE_DPR, Ticker } from '../../picture/Ticker.tsx';
import { useDisposable } from '../../picture/use-disposable.ts';
import { useCaseParts } from '../../picture/useCaseParts.ts';
import type { Stage } from '../content.ts';
import { CameraRig } from './CameraRig.tsx';
import { BOWL_APERTURE, BOWL_RADIUS, beamDirections, STAGE_LOOK, skinDistance, spotPositions } from './illustration.ts';

type Vec3 = [number, number, number];

const FOV = 32;
/** Soft tissue is drawn faint so the bone and the painful spot show through it. */
const PART_OPACITY: Partial<Record<string, number>> = { skin: 0.22, fat: 0.1, muscle: 0.1, blood: 0.5 };
const BEAM_COLOUR = '#9fe8ff';
const GLOW_COLOURS = ['#fff3c4', '#ffb347', '#ff7a2f'] as const;
const GLOW_SIZES = [0.006, 0.012, 0.022] as const;
const GLOW_OPACITY = [0.9, 0.4, 0.18] as const;
/** Seconds a pulse takes from the bowl to the focus; seconds per spot when they light one after another. */
const PULSE_S = 2.8;
const SPOT_S = 1.4;

export interface PatientSceneProps {
  caseUrl: string | undefined;
  stage: Stage;
  reducedMotion: boolean;
}

/**
 * The explainer's picture: the bundled thigh (loaded and parsed as the planner loads it), a bowl under it on a
 * cushion of water, beams that travel to one point on the bone and a warm glow there, as each step asks. An
 * illustration, not a simulation: nothing here is computed by the physics core. With reduced motion it draws one
 * still frame per step (the render loop runs on demand).
 */
export function PatientScene(props: PatientSceneProps) {
  // Where WebGL cannot draw, the words alone, as when the model cannot be loaded.
  return (
    <WebGLGuard fallback={<PictureMissing />}>
      <PatientCanvas {...props} />
    </WebGLGuard>
  );
}

function PictureMissing() {
  return (
    <p className="patient-picture-missing">The picture could not be shown here; the words tell the whole story.</p>
  );
}

function PatientCanvas({ caseUrl, stage, reducedMotion }: PatientSceneProps) {
  const load = useCaseParts(caseUrl);
  const software = useMemo(() => softwareWebGL(), []);
  if (load.status === 'failed') return <PictureMissing />;
  return (
    <Canvas
      className="patient-canvas"
      style={{ position: 'absolute', inset: 0 }}
      frameloop="demand"
      dpr={software ? SOFTWARE_DPR : [1, 2]}
      gl={{ preserveDrawingBuffer: true, antialias: !software }}
      camera={{ fov: FOV, near: 0.01, far: 5, position: [0, 0, 1] }}
    >
      <color attach="background" args={['#1a2940']} />
      <hemisphereLight args={['#fff4e6', '#4a5a78', 1.4]} />
      <ambientLight intensity={0.5} />
      {reducedMotion ? null : <Ticker software={software} />}
      {load.status === 'ready' ? (
        <Illustration loaded={load.loaded} stage={stage} reducedMotion={reducedMotion} />
      ) : null}
    </Canvas>
  );
}

function Illustration({ loaded, stage, reducedMotion }: { loaded: LoadedCase; stage: Stage; reducedMotion: boolean }) {
  const target = loaded.meta.defaultTarget as Vec3;
  const axis = loaded.meta.defaultBeamDirection as Vec3;
  const look = STAGE_LOOK[stage];
  const invalidate = useThree((s) => s.invalidate);

  const geometry = useMemo(() => {
    const t = new Vector3(...target);
    const d = new Vector3(...axis).normalize();
    const directions = beamDirections(axis);
    const spots = spotPositions(target, axis);
    const towardBowl = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), d);
    const skin = skinDistance(target, axis, 0.078);
    const capDepth = BOWL_RADIUS - Math.sqrt(BOWL_RADIUS ** 2 - (BOWL_APERTURE / 2) ** 2);
    const padFrom = skin - 0.004;
    const padTo = BOWL_RADIUS - capDepth;
    return { t, d, directions, spots, towardBowl, padFrom, padTo };
  }, [target, axis]);
  const partGeometries = useMemo(() => loaded.parts.map((part) => part.geometry), [loaded]);

  const tissues = useDisposable(
    () => ({
      materials: loaded.parts.map((part) => {
        const opacity = PART_OPACITY[part.tissue] ?? 1;
        return new MeshStandardMaterial({
          color: TISSUE_COLOURS[part.tissue],
          roughness: 0.8,
          metalness: 0,
          side: DoubleSide,
          transparent: opacity < 1,
          opacity,
          depthWrite: opacity >= 1,
          emissive: part.tissue === 'lesion' ? TISSUE_COLOURS.lesion : '#000000',
          emissiveIntensity: 0,
        });
      }),
      dispose() {
        for (const m of this.materials) m.dispose();
      },
    }),
    [loaded],
  );

  const kit = useDisposable(() => {
    const bowl = new SphereGeometry(BOWL_RADIUS, 48, 12, 0, Math.PI * 2, 0, Math.asin(BOWL_APERTURE / 2 / BOWL_RADIUS));
    const pad = new CylinderGeometry(BOWL_APERTURE / 2, BOWL_APERTURE / 2, 1, 40, 1);
    // A beam: a long thin cone whose tip is at the origin (the focus) and whose base is one unit along +y.
    const cone = new ConeGeometry(0.0024, 1, 8, 1, true).rotateZ(Math.PI).translate(0, 0.5, 0);
    const pulse = new SphereGeometry(0.0018, 10, 8);
    const dot = new SphereGeometry(1, 20, 14);
    const bowlMaterial = new MeshStandardMaterial({
      color: '#c9d3e2',
      emissive: '#3a4a66',
      roughness: 0.5,
      metalness: 0.1,
      side: DoubleSide,
      transparent: true,
    });
    const padMaterial = new MeshBasicMaterial({ color: TISSUE_COLOURS.water, transparent: true, depthWrite: false });
    const additive = (color: string) =>
      new MeshBasicMaterial({ color, transparent: true, depthWrite: false, blending: AdditiveBlending });
    const beamMaterial = additive(BEAM_COLOUR);
    const pulseMaterial = additive('#e9fbff');
    const focusMaterial = additive('#ffffff');
    // The heat glows through the bone and the painful spot, as a light would: drawn over them.
    const glowMaterials = GLOW_COLOURS.map((colour) => {
      const material = additive(colour);
      material.depthTest = false;
      return material;
    });
    const materials: Material[] = [
      bowlMaterial,
      padMaterial,
      beamMaterial,
      pulseMaterial,
      focusMaterial,
      ...glowMaterials,
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
      glowMaterials,
      dispose() {
        for (const g of [bowl, pad, cone, pulse, dot]) g.dispose();
        for (const m of materials) m.dispose();
      },
    };
  }, []);

  const beams = useRef<InstancedMesh>(null);
  const pulses = useRef<InstancedMesh>(null);
  const focusDot = useRef<Mesh>(null);
  const glow = useRef<Object3D>(null);
  const spotGlows = useRef<(Object3D | null)[]>([]);
  // Shown amounts, eased toward the stage's (set at once with reduced motion).
  const shown = useRef({ transducer: 0, beams: 0, focus: 0, glow: 0, lesion: 0, spots: 0, faint: 0 });
  const scratch = useMemo(() => ({ m: new Matrix4(), o: new Object3D(), v: new Vector3() }), []);

  // With an on-demand loop, one frame per step change draws the still picture.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stage` is the trigger.
  useEffect(() => invalidate(), [stage, reducedMotion, invalidate]);

  useFrame((state, delta) => {
    const time = reducedMotion ? 0 : state.clock.elapsedTime;
    const ease = reducedMotion ? 1 : Math.min(1, delta * 2.5);
    const s = shown.current;
    const toward = (value: number, goal: number) => value + (goal - value) * ease;
    s.transducer = toward(s.transducer, look.transducer);
    s.beams = toward(s.beams, look.beams);
    s.focus = toward(s.focus, look.focus);
    s.glow = toward(s.glow, look.glow);
    s.lesion = toward(s.lesion, look.lesionLight);
    s.spots = toward(s.spots, look.spots === 'cycle' ? 1 : 0);
    s.faint = toward(s.faint, look.spots === 'faint' ? 1 : 0);

    kit.bowlMaterial.opacity = 0.85 * s.transducer;
    kit.padMaterial.opacity = 0.28 * s.transducer;
    kit.beamMaterial.opacity = s.beams;
    kit.pulseMaterial.opacity = look.pulses && !reducedMotion ? Math.min(1, s.beams * 2) : 0;
    kit.focusMaterial.opacity = s.focus;
    const breathe = reducedMotion ? 1 : 1 + 0.08 * Math.sin(time * 1.6);
    for (const [i, material] of tissues.materials.entries()) {
      if (loaded.parts[i]?.tissue === 'lesion') material.emissiveIntensity = 0.45 * s.lesion * breathe;
    }

    // Which point the beams meet at: the target, or in the spot-by-spot step the spot being heated now.
    const spotCount = geometry.spots.length;
    const cycle = (time / SPOT_S) % (spotCount + 1);
    const current = reducedMotion ? 0 : Math.min(spotCount - 1, Math.floor(cycle));
    const focus = look.spots === 'cycle' ? (geometry.spots[current] ?? geometry.t) : geometry.t;

    const beamMesh = beams.current;
    const pulseMesh = pulses.current;
    if (beamMesh && pulseMesh) {
      geometry.directions.forEach((dir, i) => {
        scratch.o.position.copy(focus);
        scratch.o.quaternion.setFromUnitVectors(new Vector3(0, 1, 0), dir);
        scratch.o.scale.set(1, BOWL_RADIUS, 1);
        scratch.o.updateMatrix();
        beamMesh.setMatrixAt(i, scratch.o.matrix);
        const phase = (time / PULSE_S + ((i * 0.618) % 1)) % 1;
        scratch.v
          .copy(dir)
          .multiplyScalar(BOWL_RADIUS * (1 - phase))
          .add(focus);
        scratch.m.makeTranslation(scratch.v.x, scratch.v.y, scratch.v.z);
        pulseMesh.setMatrixAt(i, scratch.m);
      });
      beamMesh.instanceMatrix.needsUpdate = true;
      pulseMesh.instanceMatrix.needsUpdate = true;
    }
    focusDot.current?.position.copy(focus);
    focusDot.current?.scale.setScalar(0.0028 * breathe);

    glow.current?.scale.setScalar(Math.max(1e-4, s.glow * breathe));
    for (const [k, material] of kit.glowMaterials.entries()) material.opacity = GLOW_OPACITY[k] ?? 0;
    geometry.spots.forEach((_, k) => {
      const spot = spotGlows.current[k];
      if (!spot) return;
      // Cycling: the spots heated so far glow (all of them with reduced motion); faint: all, dimmed.
      const lit = reducedMotion || k <= current ? 1 : 0;
      const size = Math.max(s.spots * lit * (k === current && !reducedMotion ? breathe : 0.75), s.faint * 0.45);
      spot.scale.setScalar(Math.max(1e-4, size));
    });
  });

  return (
    <group>
      <CameraRig
        geometries={partGeometries}
        target={target}
        axis={axis}
        padFrom={geometry.padFrom}
        faceLesion={look.view === 'lesion'}
        withTransducer={look.transducer > 0}
        fovDeg={FOV}
        reducedMotion={reducedMotion}
      />
      {tissues.materials.map((material, i) => {
        const part = loaded.parts[i];
        return part ? (
          <mesh
            key={part.name}
            geometry={part.geometry}
            material={material}
            renderOrder={(PART_OPACITY[part.tissue] ?? 1) < 1 ? 2 : 0}
          />
        ) : null;
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
      <mesh ref={focusDot} geometry={kit.dot} material={kit.focusMaterial} renderOrder={6} />
      <group ref={glow} position={geometry.t}>
        <GlowShells kit={kit} />
      </group>
      {geometry.spots.map((spot, k) => (
        <group
          key={`${spot.x}:${spot.y}:${spot.z}`}
          position={spot}
          ref={(node) => {
            spotGlows.current[k] = node;
          }}
        >
          <GlowShells kit={kit} />
        </group>
      ))}
    </group>
  );
}

function GlowShells({ kit }: { kit: { dot: SphereGeometry; glowMaterials: MeshBasicMaterial[] } }) {
  return (
    <>
      {kit.glowMaterials.map((material, k) => (
        <mesh
          key={material.uuid}
          geometry={kit.dot}
          material={material}
          scale={GLOW_SIZES[k] ?? 0}
          renderOrder={7 + k}
        />
      ))}
    </>
  );
}
