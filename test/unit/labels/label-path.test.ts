import { describe, expect, it } from 'vitest';
import { labelActivity, labelApp, labelAtLevel, labelProblem, labelWithin } from '../../../shared/labels/label-path';
import { LabelName } from '../../../shared/domain/labels';

describe('label paths', () => {
  it('splits app/activity at the first slash; free text stays in the activity', () => {
    expect([labelApp('WhatsApp/send-photo'), labelActivity('WhatsApp/send-photo')]).toEqual(['WhatsApp', 'send-photo']);
    expect([labelApp('Google Maps/search route/by car'), labelActivity('Google Maps/search route/by car')]).toEqual(['Google Maps', 'search route/by car']);
    expect([labelApp('WhatsApp'), labelActivity('WhatsApp')]).toEqual(['WhatsApp', null]);
    expect(labelAtLevel('WhatsApp/send-photo', 'app')).toBe('WhatsApp');
    expect(labelAtLevel('WhatsApp/send-photo', 'activity')).toBe('WhatsApp/send-photo');
    expect(labelWithin('WhatsApp/send-photo', 'WhatsApp')).toBe(true);
    expect(labelWithin('WhatsAppBusiness', 'WhatsApp')).toBe(false);
  });

  it('refuses what breaks the hierarchy or a CSV cell, and the contract uses the same rule', () => {
    expect(labelProblem('Télégramme/envoyer une photo 📷')).toBeNull();
    expect(labelProblem('')).toMatch(/empty/);
    expect(labelProblem(' WhatsApp')).toMatch(/spaces/);
    expect(labelProblem('WhatsApp / send')).toMatch(/spaces around a slash/);
    expect(labelProblem('a//b')).toMatch(/empty part/);
    expect(labelProblem('a\tb')).toMatch(/control characters/);
    expect(labelProblem('x'.repeat(201))).toMatch(/at most 200/);
    expect(LabelName.safeParse('WhatsApp/send-photo').success).toBe(true);
    expect(LabelName.safeParse('/send-photo').error?.issues[0].message).toMatch(/empty part/);
  });
});
