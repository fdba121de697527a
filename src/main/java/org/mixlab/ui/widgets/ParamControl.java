package org.mixlab.ui.widgets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.ActionEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.RoundRectangle2D;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.accessibility.AccessibleState;
import javax.accessibility.AccessibleStateSet;
import javax.accessibility.AccessibleValue;
import javax.swing.AbstractAction;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JLayeredPane;
import javax.swing.JRootPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.mixlab.dsp.Taper;

/**
 * Shared behaviour of {@link Knob} and {@link Fader}: a {@link ParamModel} driven by vertical drag (Shift = fine),
 * the mouse wheel, arrow keys / Page Up / Page Down / Home / End, double-click to reset to the default, and
 * Ctrl-click, Alt-click or Enter to type a value. Tooltips show the value with its unit.
 */
public abstract class ParamControl extends JComponent {
    /** Pixels of vertical drag for the whole travel (Shift divides speed by ten). */
    protected int dragPixels = 200;

    private final ParamModel model;
    private final String displayName;
    private double dragNorm;
    private int lastDragY;
    private boolean dragging;
    private JTextField entryField;

    /** A control for {@code model}, named {@code displayName} for tooltips and screen readers. */
    protected ParamControl(ParamModel model, String displayName) {
        this.model = model;
        this.displayName = displayName;
        setFocusable(true);
        setOpaque(false);
        setToolTipText("");
        model.addViewListener(this::valueChanged);
        installMouse();
        installKeys();
        addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                repaint();
            }

            @Override
            public void focusLost(FocusEvent e) {
                repaint();
            }
        });
        getAccessibleContext().setAccessibleName(displayName);
        getAccessibleContext().setAccessibleDescription(model.spec().name() + ", " + rangeText()
                + ". Arrows, Page Up/Down, Home/End; Enter to type a value; double-click resets.");
    }

    /** The value model. */
    public ParamModel model() {
        return model;
    }

    /** The name shown in tooltips. */
    public String displayName() {
        return displayName;
    }

    /** Convenience: the current value. */
    public double value() {
        return model.value();
    }

    /** Convenience: sets the value as if the user had moved the control. */
    public void setValue(double v) {
        model.setValue(v);
    }

    private String rangeText() {
        if (model.spec().taper() == Taper.CHOICE) {
            return String.join(", ", model.spec().choices());
        }
        return "range " + model.format(model.spec().min()) + " to " + model.format(model.spec().max())
                + ", default " + model.format(model.spec().defaultValue());
    }

    private void valueChanged() {
        repaint();
        firePropertyChange(AccessibleContext.ACCESSIBLE_VALUE_PROPERTY, null, model.value());
    }

    @Override
    public String getToolTipText(MouseEvent event) {
        return displayName + ": " + model.formatted();
    }

    /** True while the user drags the control. */
    public boolean isDragging() {
        return dragging;
    }

    private void installMouse() {
        MouseAdapter m = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                if (!SwingUtilities.isLeftMouseButton(e) || !isEnabled()) {
                    return;
                }
                if ((e.getModifiersEx() & (InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK
                        | InputEvent.META_DOWN_MASK)) != 0) {
                    beginTextEntry();
                    return;
                }
                requestFocusInWindow();
                if (e.getClickCount() == 2) {
                    model.reset();
                    return;
                }
                dragging = true;
                dragNorm = model.normalized();
                lastDragY = e.getY();
                pressedAt(e.getPoint());
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (!dragging) {
                    return;
                }
                int dy = lastDragY - e.getY();
                lastDragY = e.getY();
                double speed = e.isShiftDown() ? 0.1 : 1.0;
                dragNorm = Math.max(0, Math.min(1, dragNorm + dy * speed / dragPixels));
                model.setNormalized(dragNorm);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                dragging = false;
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                if (!isEnabled() || e.getWheelRotation() == 0) {
                    return;
                }
                model.step(e.getWheelRotation() < 0 ? 1 : -1, e.isShiftDown() ? ParamModel.Step.FINE
                        : ParamModel.Step.NORMAL);
            }
        };
        addMouseListener(m);
        addMouseMotionListener(m);
        addMouseWheelListener(m);
    }

    /** Called when a drag starts at {@code p}; the fader uses it to jump when the track is clicked. */
    protected void pressedAt(Point p) {
    }

    private void installKeys() {
        InputMap im = getInputMap(WHEN_FOCUSED);
        bind(im, "UP", "inc", () -> model.step(1, ParamModel.Step.NORMAL));
        bind(im, "RIGHT", "inc", null);
        bind(im, "DOWN", "dec", () -> model.step(-1, ParamModel.Step.NORMAL));
        bind(im, "LEFT", "dec", null);
        bind(im, "shift UP", "incFine", () -> model.step(1, ParamModel.Step.FINE));
        bind(im, "shift RIGHT", "incFine", null);
        bind(im, "shift DOWN", "decFine", () -> model.step(-1, ParamModel.Step.FINE));
        bind(im, "shift LEFT", "decFine", null);
        bind(im, "PAGE_UP", "incCoarse", () -> model.step(1, ParamModel.Step.COARSE));
        bind(im, "PAGE_DOWN", "decCoarse", () -> model.step(-1, ParamModel.Step.COARSE));
        bind(im, "HOME", "min", () -> model.setValue(model.spec().min()));
        bind(im, "END", "max", () -> model.setValue(model.spec().max()));
        bind(im, "DELETE", "reset", model::reset);
        bind(im, "ENTER", "type", this::beginTextEntry);
    }

    private void bind(InputMap im, String key, String name, Runnable action) {
        im.put(KeyStroke.getKeyStroke(key), name);
        if (action != null) {
            getActionMap().put(name, new AbstractAction(name) {
                @Override
                public void actionPerformed(ActionEvent e) {
                    if (isEnabled()) {
                        action.run();
                    }
                }
            });
        }
    }

    /** Opens a small text field over the control to type a value (Enter applies, Escape cancels). */
    public void beginTextEntry() {
        JRootPane root = getRootPane();
        if (root == null || entryField != null) {
            return;
        }
        JLayeredPane layers = root.getLayeredPane();
        JTextField field = new JTextField(model.formatted(), 7);
        field.setName(getName() == null ? "valueEntry" : getName() + ".entry");
        field.getAccessibleContext().setAccessibleName("Type " + displayName);
        field.setHorizontalAlignment(JTextField.CENTER);
        field.selectAll();
        int w = Math.max(field.getPreferredSize().width, 72);
        int h = field.getPreferredSize().height;
        Point p = SwingUtilities.convertPoint(this, getWidth() / 2 - w / 2, getHeight() / 2 - h / 2, layers);
        p.x = Math.max(0, Math.min(p.x, layers.getWidth() - w));
        field.setBounds(p.x, p.y, w, h);
        field.addActionListener(e -> commitTextEntry());
        field.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "cancelEntry");
        field.getActionMap().put("cancelEntry", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                endTextEntry();
            }
        });
        field.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                if (entryField == field && !e.isTemporary()) {
                    commitTextEntry();
                }
            }
        });
        entryField = field;
        layers.add(field, JLayeredPane.POPUP_LAYER);
        layers.revalidate();
        layers.repaint();
        field.requestFocusInWindow();
    }

    /** The open text-entry field, or null. */
    public JTextField textEntryField() {
        return entryField;
    }

    /** Applies the typed text; on bad input the field stays open, outlined, with the reason as tooltip. */
    public void commitTextEntry() {
        JTextField field = entryField;
        if (field == null) {
            return;
        }
        try {
            double v = model.parse(field.getText());
            endTextEntry();
            model.setValue(v);
        } catch (IllegalArgumentException ex) {
            field.putClientProperty("JComponent.outline", "error");
            field.setToolTipText(ex.getMessage());
            if (!field.hasFocus()) {
                endTextEntry();
            }
        }
    }

    private void endTextEntry() {
        JTextField field = entryField;
        entryField = null;
        if (field != null && field.getParent() != null) {
            JComponent parent = (JComponent) field.getParent();
            parent.remove(field);
            parent.repaint(field.getBounds());
            requestFocusInWindow();
        }
    }

    /** Paints a rounded focus ring around {@code r} when the control has the keyboard focus. */
    protected void paintFocusRing(Graphics2D g, java.awt.geom.RectangularShape r) {
        if (!hasFocus()) {
            return;
        }
        Color c = UIManager.getColor("Component.focusColor");
        g.setColor(c != null ? c : Color.BLUE);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), 8, 8));
    }

    /** Turns on antialiasing for shapes and text. */
    protected static void antialias(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleParamControl();
        }
        return accessibleContext;
    }

    /** Screen-reader view: a slider with a numeric value. */
    protected class AccessibleParamControl extends AccessibleJComponent implements AccessibleValue {
        @Override
        public AccessibleRole getAccessibleRole() {
            return AccessibleRole.SLIDER;
        }

        @Override
        public AccessibleStateSet getAccessibleStateSet() {
            AccessibleStateSet s = super.getAccessibleStateSet();
            s.add(AccessibleState.VERTICAL);
            return s;
        }

        @Override
        public AccessibleValue getAccessibleValue() {
            return this;
        }

        @Override
        public Number getCurrentAccessibleValue() {
            return model.value();
        }

        @Override
        public boolean setCurrentAccessibleValue(Number n) {
            if (n == null) {
                return false;
            }
            model.setValue(n.doubleValue());
            return true;
        }

        @Override
        public Number getMinimumAccessibleValue() {
            return model.spec().min();
        }

        @Override
        public Number getMaximumAccessibleValue() {
            return model.spec().max();
        }
    }
}
