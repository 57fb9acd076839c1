'use client';
import { useEffect, useRef, type PointerEvent, type ReactNode } from 'react';
import { PAD_HEIGHT, PAD_WIDTH, type SignaturePoint, type SignatureStroke } from './signature.ts';

export interface SignaturePadProps {
  readonly strokes: readonly SignatureStroke[];
  readonly onChange: (strokes: readonly SignatureStroke[]) => void;
  /** What the pad is, for screen readers. */
  readonly label: string;
  readonly describedBy?: string | undefined;
  readonly invalid?: boolean;
  readonly className?: string | undefined;
}

/** The ink colour of the live pad: the theme's text colour, so it reads on dark themes too. */
function inkOf(canvas: HTMLCanvasElement): string {
  return getComputedStyle(canvas).color || '#111';
}

function draw(canvas: HTMLCanvasElement, strokes: readonly SignatureStroke[]): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, PAD_WIDTH, PAD_HEIGHT);
  context.strokeStyle = inkOf(canvas);
  context.fillStyle = context.strokeStyle;
  context.lineWidth = 2.5;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    context.beginPath();
    context.moveTo(first.x, first.y);
    if (rest.length === 0) context.arc(first.x, first.y, 1.25, 0, Math.PI * 2);
    for (const point of rest) context.lineTo(point.x, point.y);
    context.stroke();
  }
}

/**
 * A canvas to sign on with a mouse, pen or finger (Pointer Events, with the pointer captured so a stroke that leaves
 * the pad still ends). Strokes are kept in the pad's own units, so the pad can be any size on screen.
 */
export function SignaturePad({ strokes, onChange, label, describedBy, invalid, className }: SignaturePadProps): ReactNode {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const current = useRef<SignaturePoint[] | null>(null);

  useEffect(() => {
    if (canvasRef.current) draw(canvasRef.current, strokes);
  }, [strokes]);

  const pointOf = (event: PointerEvent<HTMLCanvasElement>): SignaturePoint => {
    const box = event.currentTarget.getBoundingClientRect();
    // A pad that has not been laid out (no size) is drawn on at its own scale.
    const scaleX = box.width > 0 ? PAD_WIDTH / box.width : 1;
    const scaleY = box.height > 0 ? PAD_HEIGHT / box.height : 1;
    return { x: (event.clientX - box.left) * scaleX, y: (event.clientY - box.top) * scaleY };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    current.current = [pointOf(event)];
    draw(event.currentTarget, [...strokes, current.current]);
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!current.current) return;
    current.current.push(pointOf(event));
    draw(event.currentTarget, [...strokes, current.current]);
  };

  const onPointerEnd = () => {
    if (!current.current) return;
    const stroke = current.current;
    current.current = null;
    onChange([...strokes, stroke]);
  };

  return (
    <canvas
      ref={canvasRef}
      className={className}
      width={PAD_WIDTH}
      height={PAD_HEIGHT}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      data-invalid={invalid ? '' : undefined}
      data-signed={strokes.length > 0 ? '' : undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    />
  );
}
