import { t } from '../i18n';
import { href } from '../router';
import type { Player } from '../types';

const SIZE = 420;
const CENTER = SIZE / 2;
const RADIUS = 150;
const SHOWN = 16;

/**
 * The players linked to one by shared identifiers, drawn around it: each link names what is
 * shared (IP, phone, session). Each node opens that player's 360. Also given as a list below,
 * for screen readers and keyboards.
 */
export function LinkGraph({ player }: { player: Player }) {
  const linked = player.linked_players.slice(0, SHOWN);
  if (linked.length === 0) return <p>{t('player.noLinks')}</p>;
  const at = (index: number) => {
    const angle = (2 * Math.PI * index) / linked.length - Math.PI / 2;
    return { x: CENTER + RADIUS * Math.cos(angle), y: CENTER + RADIUS * Math.sin(angle) };
  };
  return (
    <figure class="graph">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={t('player.graphLabel', { count: player.linked_players.length })}
      >
        {linked.map((other, index) => {
          const { x, y } = at(index);
          return (
            <g key={`edge-${other.external_id}`}>
              <line x1={CENTER} y1={CENTER} x2={x} y2={y} class="edge" />
              <text x={(CENTER + x) / 2} y={(CENTER + y) / 2 - 4} class="edge-label">
                {other.shared.map((s) => s.kind).join(', ')}
              </text>
            </g>
          );
        })}
        <circle cx={CENTER} cy={CENTER} r={26} class="node self" />
        <text x={CENTER} y={CENTER + 44} class="node-label">
          {player.external_id}
        </text>
        {linked.map((other, index) => {
          const { x, y } = at(index);
          return (
            <a key={other.external_id} href={href('players', other.external_id)}>
              <circle cx={x} cy={y} r={16} class="node" />
              <text x={x} y={y + 30} class="node-label">
                {other.external_id}
              </text>
            </a>
          );
        })}
      </svg>
      <figcaption>
        <ul>
          {player.linked_players.map((other) => (
            <li key={other.external_id}>
              <a href={href('players', other.external_id)}>{other.external_id}</a>:{' '}
              {other.shared.map((s) => `${s.kind} ${s.value}`).join('; ')}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
