import { IDENTIFIER_KINDS } from '../engine/detection-event';
import { MICROS } from '../engine/player-state';
import { defineRule, type RuleHit } from '../engine/rule';
import { quieterOf } from '../engine/rule-settings';

const shareKey = (kind: string, value: string) => `${kind}:${value}`;

/**
 * Multi-accounting: one IP address, phone or session id used by `min_players` or more players
 * of the team within the window. Reported again when more players join, once the last report
 * is older than the window, or as an alert once a share only reported in shadow is on; allowlisted
 * identifiers (a shop's IP, a test phone) are skipped. IPs start in shadow: West African mobile
 * data runs behind carrier-grade NAT, where one IP serves many honest players.
 */
export const sharedIdentifier = defineRule({
  code: 'SHARED_IDENTIFIER',
  title: {
    en: 'Identifier shared by several players',
    fr: 'Identifiant partagé par plusieurs joueurs',
    'pt-BR': 'Identificador compartilhado por vários jogadores',
  },
  severity: 'MEDIUM',
  reference: {
    en: 'Multiple or third-party accounts: Portaria SPA/MF 1.143/2024 (use of third-party accounts); GIABA typologies (nominee accounts)',
    fr: 'Comptes multiples ou de tiers : Portaria SPA/MF 1.143/2024 (utilisation de comptes de tiers) ; typologies du GIABA (prête-noms)',
    'pt-BR':
      'Contas múltiplas ou de terceiros: Portaria SPA/MF 1.143/2024 (uso de contas de terceiros); tipologias do GIABA (laranjas)',
  },
  parameters: {
    min_players: {
      kind: 'integer',
      unit: 'count',
      min: 2,
      max: 1000,
      default: 3,
      description: {
        en: 'Players using one identifier within the window that make a hit',
        fr: 'Joueurs utilisant un même identifiant dans la fenêtre qui déclenchent la règle',
        'pt-BR': 'Jogadores usando um mesmo identificador na janela que disparam a regra',
      },
    },
    window_hours: {
      kind: 'integer',
      unit: 'hours',
      min: 1,
      max: 24 * 30,
      default: 24,
      description: {
        en: 'Uses of the identifier within this many hours count',
        fr: 'Les utilisations de l’identifiant dans ce nombre d’heures comptent',
        'pt-BR': 'Contam os usos do identificador dentro deste número de horas',
      },
    },
    modes: {
      kind: 'modes',
      keys: IDENTIFIER_KINDS,
      default: { ip: 'shadow', phone: 'on', session: 'on' },
      description: {
        en: 'Mode per identifier kind, never louder than the rule’s: IPs start in shadow (carrier-grade NAT)',
        fr: 'Mode par type d’identifiant, jamais plus fort que celui de la règle : les IP commencent en mode observation (NAT des opérateurs mobiles)',
        'pt-BR':
          'Modo por tipo de identificador, nunca mais forte que o da regra: IPs começam em modo sombra (NAT das operadoras)',
      },
    },
  },
  crossPlayer: (event) => event.identifiers.length > 0,
  evaluate(event, { parameters, mode: ruleMode, state, facts }) {
    const hits: RuleHit[] = [];
    for (const { kind, value } of event.identifiers) {
      const mode = parameters.modes[kind] ?? 'on';
      if (mode === 'off') continue;
      const shared = facts.sharing(event.teamId, kind, value);
      if (!shared || shared.allowlisted || shared.players < parameters.min_players) continue;
      const reported = state.reportedShares[shareKey(kind, value)];
      const window = parameters.window_hours * MICROS.HOUR;
      // A share reported as a shadow hit is reported again, as an alert, once its kind is on.
      const alerting = quieterOf(ruleMode, mode) === 'on';
      if (
        reported &&
        reported.players >= shared.players &&
        reported.at >= event.at - window &&
        !(alerting && reported.shadow)
      ) {
        continue;
      }
      hits.push({
        mode,
        figures: {
          kind,
          value,
          players: shared.players,
          others: (shared.others ?? [])
            .filter((other) => other !== event.playerExternalId)
            .slice(0, 50),
          min_players: parameters.min_players,
          window_hours: parameters.window_hours,
        },
      });
    }
    return hits;
  },
  remember(event, next, { hits }) {
    for (const { figures, mode } of hits) {
      next.reportedShares[shareKey(figures.kind as string, figures.value as string)] = {
        players: figures.players as number,
        at: event.at,
        ...(mode === 'shadow' && { shadow: true }),
      };
    }
  },
  reason(f, language) {
    const others = f.others as string[];
    const shown = others.slice(0, 5).join(', ');
    const more = (f.players as number) - 1 - Math.min(5, others.length);
    const names = shown === '' ? '' : more > 0 ? ` (${shown} +${more})` : ` (${shown})`;
    const kind = {
      en: { ip: 'IP address', phone: 'Phone', session: 'Session' },
      fr: { ip: 'Adresse IP', phone: 'Téléphone', session: 'Session' },
      'pt-BR': { ip: 'Endereço IP', phone: 'Telefone', session: 'Sessão' },
    }[language][f.kind as 'ip' | 'phone' | 'session'];
    switch (language) {
      case 'fr':
        return `${kind} ${f.value} utilisé(e) par ${f.players} joueurs en ${f.window_hours} h${names} ; seuil ${f.min_players}`;
      case 'pt-BR':
        return `${kind} ${f.value} usado por ${f.players} jogadores em ${f.window_hours} h${names}; limite ${f.min_players}`;
      default:
        return `${kind} ${f.value} used by ${f.players} players in ${f.window_hours} h${names}; threshold ${f.min_players}`;
    }
  },
});
