// "Add to SuiteDash" wherever a number has no contact (the incoming-call banner, a History row,
// a thread): a lead is queued in the core (sent now, or once SuiteDash is reachable; once per
// number), and the agent hears which. Offered only when SuiteDash is set up (`store.suitedash`).

/** Whether to offer *Add to SuiteDash* for something with `contactId`. Pure, for tests. */
export function offersSuiteDash(state, contactId) {
  return Boolean(state?.suitedash) && contactId == null;
}

/**
 * Queues a lead for `number` (named `name`, when the caller ID gave one) and says so.
 * @param {{ backend: any, toast: Function }} ctx
 */
export async function addToSuiteDash(ctx, number, name = '') {
  try {
    const event = await ctx.backend.addSuitedashLead({ number, name: name ?? '', company: '', email: '', tags: '' });
    const who = name || number;
    ctx.toast(event?.state === 'delivered' ? `${who} is in SuiteDash` : `Adding ${who} to SuiteDash`);
    return event;
  } catch (error) {
    ctx.toast(error.message, error.hint, 'error');
    return null;
  }
}
